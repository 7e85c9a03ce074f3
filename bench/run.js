#!/usr/bin/env node
// Benchmark harness for sitesize: serves generated files from a private nginx
// on 127.0.0.1 and times sitesize against curl, wget2 and a Python thread pool
// on the same URL lists. See bench/README.md. Plain ESM, no dependencies.
//
//   node bench/run.js [--runs N] [--only W2,W3] [--quick] [--json FILE]
//                     [--timeout SEC] [--max-minutes MIN] [--keep]

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { writeCrawlSite } from './crawl-site.js';
import { writePageSite } from './page-site.js';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ECHO_MODULE = '/usr/lib/nginx/modules/ngx_http_echo_module.so';
const CHROMIUM = '/usr/bin/chromium';
const HOST = '127.0.0.1';
const KB = 1024;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- options

const USAGE = `usage: node bench/run.js [options]
  --runs N         runs per (workload, tool), median reported (default 3)
  --only IDS       comma-separated workloads, e.g. W2,W3 (W5 includes W5s)
  --quick          divide URL counts by 10 (smoke run)
  --json FILE      also write the raw results as JSON
  --timeout SEC    kill a client run after SEC seconds (default 120)
  --max-minutes M  stop starting runs after M minutes (default 45)
  --keep           keep the temp dir (nginx config, lists, outputs)
`;

function parseOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '3' },
        only: { type: 'string' },
        quick: { type: 'boolean', default: false },
        json: { type: 'string' },
        timeout: { type: 'string', default: '120' },
        'max-minutes': { type: 'string', default: '45' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (err) {
    process.stderr.write(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const positive = (name) => {
    const n = Number(parsed[name]);
    if (!(n > 0)) {
      process.stderr.write(`--${name} must be a positive number\n${USAGE}`);
      process.exit(2);
    }
    return n;
  };
  return {
    runs: Math.round(positive('runs')),
    only: parsed.only
      ? parsed.only
          .toUpperCase()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : null,
    quick: parsed.quick,
    json: parsed.json ?? null,
    timeoutMs: positive('timeout') * 1000,
    deadline: Date.now() + positive('max-minutes') * 60_000,
    keep: parsed.keep,
  };
}

// ---------------------------------------------------------------- workloads

// Each workload maps URL /<dir>/f<i>.<ext> (all distinct) onto one file
// through a regex location, so 200 000 URLs need no 200 000 files.
// `size` is the decoded body size every tool must report; `ideal` (s) is the
// wall time of a perfect client where one exists.
function workloads(quick) {
  const n = (count) => (quick ? Math.max(1, Math.round(count / 10)) : count);
  const list = [
    { id: 'W1', group: 'W1', what: '2 KB after 50 ms', dir: 'w1', ext: 'bin', urls: n(2000), c: 100, size: 2 * KB, delay: 0.05 },
    { id: 'W1L', group: 'W1L', what: '2 KB after 50 ms', dir: 'w1', ext: 'bin', urls: n(20000), c: 100, size: 2 * KB, delay: 0.05 },
    { id: 'W2', group: 'W2', what: '1 KB static', dir: 'w2', ext: 'bin', urls: n(20000), c: 64, size: KB },
    { id: 'W3', group: 'W3', what: '50 MB static', dir: 'w3', ext: 'bin', urls: n(20), c: 4, size: 50 * MB, throughput: true },
    { id: 'W4', group: 'W4', what: '100 KB HTML, gzip', dir: 'w4', ext: 'html', urls: n(5000), c: 32, size: 100 * KB, gzip: true },
    { id: 'W5', group: 'W5', what: '100 B static', dir: 'w5', ext: 'bin', urls: n(200000), c: 256, size: 100 },
    { id: 'W5s', group: 'W5', what: '100 B static (RSS vs W5)', dir: 'w5', ext: 'bin', urls: n(20000), c: 256, size: 100 },
    { id: 'W6', group: 'W6', what: 'startup', startup: true },
    // TLS 1.3 with an ECDSA certificate and no session resumption: every origin
    // of W7 costs a full handshake; W8 is one origin that speaks h2.
    { id: 'W7', group: 'W7', what: '1 KB over https, 500 origins', tls: 'origins', dir: 'w7', ext: 'bin', urls: n(5000), c: 64, size: KB },
    {
      id: 'W8',
      group: 'W8',
      what: '1 KB over https with h2, one origin',
      tls: 'h2',
      dir: 'w8',
      ext: 'bin',
      urls: n(20000),
      c: 64,
      size: KB,
    },
    // A site crawled from its first page: sitesize --crawl against wget2 -r --spider;
    // W10L is ten times the site, to see that memory stays flat.
    { id: 'W10', group: 'W10', what: 'crawl of a 20 000-page site', crawl: true, dir: 'w10', ext: 'html', urls: n(20000), c: 32 },
    { id: 'W10L', group: 'W10L', what: 'crawl of a 200 000-page site', crawl: true, dir: 'w10l', ext: 'html', urls: n(200000), c: 32 },
    // Pages with their subresources: sitesize --page, wget2 -p, and headless
    // Chromium on a sample (pages per second; it is far slower).
    {
      id: 'W9',
      group: 'W9',
      what: 'pages: 30 shared + 10 unique resources',
      pages: true,
      dir: 'w9',
      ext: 'html',
      urls: n(500),
      c: 32,
      sample: n(20),
    },
  ];
  for (const w of list) {
    // Every round of C requests waits the delay once.
    if (w.delay) w.ideal = Math.ceil(w.urls / w.c) * w.delay;
  }
  return list;
}

function selectWorkloads(all, only) {
  if (!only) return all;
  const unknown = only.filter((id) => !all.some((w) => w.id.toUpperCase() === id || w.group.toUpperCase() === id));
  if (unknown.length) {
    process.stderr.write(`unknown workload(s): ${unknown.join(', ')} (known: ${all.map((w) => w.id).join(', ')})\n`);
    process.exit(2);
  }
  return all.filter((w) => only.includes(w.id.toUpperCase()) || only.includes(w.group.toUpperCase()));
}

// ---------------------------------------------------------------- tool check

function runs0(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim() : null;
}

// Finds the tools this machine has. Nothing is installed here: missing
// ones are listed with the apt-get line that would provide them.
function checkTools() {
  const have = {
    nginx: runs0('nginx', ['-v']) !== null && fs.existsSync(ECHO_MODULE),
    curl: runs0('curl', ['--version']) !== null,
    wget2: runs0('wget2', ['--version']) !== null,
    python3: runs0('python3', ['--version']) !== null,
    taskset: runs0('taskset', ['-c', '0', 'true']) !== null,
    time: fs.existsSync('/usr/bin/time'),
    chromium: fs.existsSync(CHROMIUM) && fs.existsSync(path.join(ROOT, 'node_modules/playwright-core')),
  };
  const packages = {
    nginx: 'nginx libnginx-mod-http-echo',
    curl: 'curl',
    wget2: 'wget2',
    python3: 'python3',
    taskset: 'util-linux',
    time: 'time',
    chromium: 'chromium (and npm install for playwright-core)',
  };
  const missing = Object.keys(have).filter((k) => !have[k]);
  if (missing.length) {
    log(`missing: ${missing.join(', ')}`);
    log(`  install with: apt-get update && apt-get install -y ${missing.map((k) => packages[k]).join(' ')}`);
    if (!have.curl) log('  curl rows are skipped');
    if (!have.wget2) log('  wget2 rows are skipped');
    if (!have.python3) log('  thread-pool rows are skipped');
    if (!have.taskset) log('  clients and nginx run unpinned');
    if (!have.time) log('  peak RSS is not measured');
    if (!have.chromium) log('  Chromium rows (W9) are skipped');
  }
  if (!have.nginx) {
    log(`fatal: nginx with the echo module (${ECHO_MODULE}) is required`);
    process.exit(1);
  }
  // The CLI under test is built by `npm run build`; without it, skip its rows.
  have.sitesize = runs0(process.execPath, [path.join(ROOT, 'bin/sitesize.js'), '--version']) !== null;
  if (!have.sitesize) log('note: `node bin/sitesize.js --version` fails (run `npm run build`?); sitesize rows are skipped');
  // Pinning nginx and clients to different cores needs two of them.
  have.pin = have.taskset && os.cpus().length >= 2;
  if (have.taskset && !have.pin) log('note: fewer than 2 cores; nothing is pinned');
  return have;
}

function machineInfo() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? '?';
  const first = (cmd, args, re) => {
    const out = runs0(cmd, args);
    return out ? (re.exec(out)?.[1] ?? out.split('\n')[0]) : 'missing';
  };
  return {
    cpu: model,
    cores: os.cpus().length,
    kernel: os.release(),
    node: process.version,
    nginx: first('nginx', ['-v'], /nginx\/(\S+)/),
    curl: first('curl', ['--version'], /^curl (\S+)/),
    wget2: first('wget2', ['--version'], /Wget2 (\S+)/),
    python3: first('python3', ['--version'], /Python (\S+)/),
  };
}

// ---------------------------------------------------------------- files

// Writes the bodies nginx serves. One file per workload; W4 also gets the
// .gz beside it for gzip_static (compressed once here, not per request).
async function writeData(dir, wl) {
  const data = path.join(dir, 'data');
  await fsp.mkdir(data, { mode: 0o755 });
  for (const w of wl.filter((each) => each.crawl)) await writeCrawlSite(data, w.dir, w.urls);
  const pageWorkload = wl.find((w) => w.pages);
  if (pageWorkload) {
    const site = await writePageSite(data, pageWorkload.urls);
    // Every page once, each shared resource once (both tools keep what they fetched), each unique one once.
    pageWorkload.served = pageWorkload.urls * (1 + site.perPage - 1 - site.shared) + site.shared;
    pageWorkload.perPage = site.perPage;
  }
  await fsp.writeFile(path.join(data, 'w2.bin'), randomBytes(KB));
  await fsp.writeFile(path.join(data, 'w5.bin'), randomBytes(100));
  // 50 MB of one repeated random MB: the content does not matter (no gzip).
  const chunk = randomBytes(MB);
  const fd = await fsp.open(path.join(data, 'w3.bin'), 'w');
  for (let i = 0; i < 50; i++) await fd.write(chunk);
  await fd.close();
  const html = fakeHtml(100 * KB);
  const gz = zlib.gzipSync(html, { level: 9 });
  await fsp.writeFile(path.join(data, 'w4.html'), html);
  await fsp.writeFile(path.join(data, 'w4.html.gz'), gz);
  return { data, gzSize: gz.length };
}

// Deterministic HTML-like text that compresses roughly like a real page
// (about 3:1), unlike random bytes (no gain) or one repeated byte (1000:1).
function fakeHtml(size) {
  const words = [
    '<div class="item">',
    '</div>',
    '<p>',
    '</p>',
    '<a href="/page/',
    '">',
    '</a>',
    'size',
    'page',
    'web',
    'lorem',
    'ipsum',
    'dolor',
    'amet',
  ];
  let seed = 42;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const parts = ['<!doctype html><html><head><title>bench</title></head><body>\n'];
  let length = parts[0].length;
  while (length < size) {
    const part = `${words[rand(words.length)]}${rand(100000)} `;
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size); // ASCII, so chars = bytes
}

function urlOf(base, w, i) {
  const origin = w.origins ? w.origins[i % w.origins.length] : base;
  return w.pages ? `${origin}/${w.dir}/p${i}.${w.ext}` : `${origin}/${w.dir}/f${i}.${w.ext}`;
}

// Writes the plain URL list and the curl config (one url/output pair per URL)
// with one join each: fast enough for 200 000 URLs.
async function writeLists(dir, base, w) {
  const urls = Array.from({ length: w.urls }, (_, i) => urlOf(base, w, i));
  const list = path.join(dir, `${w.id}.txt`);
  const curlConfig = path.join(dir, `${w.id}.curl`);
  await fsp.writeFile(list, `${urls.join('\n')}\n`);
  await fsp.writeFile(curlConfig, urls.map((u) => `url = "${u}"\noutput = "/dev/null"\n`).join(''));
  const sample = path.join(dir, `${w.id}.sample.txt`);
  if (w.sample) await fsp.writeFile(sample, `${urls.slice(0, w.sample).join('\n')}\n`);
  return { list, curlConfig, sample };
}

// ---------------------------------------------------------------- nginx

// W7's 500 https origins and W8's h2 origin: one certificate for all, TLS 1.3,
// no session cache or tickets, so every new connection is a full handshake.
function tlsServers(dir, data, tls) {
  if (!tls) return '';
  const common = `
    ssl_certificate ${dir}/cert.pem;
    ssl_certificate_key ${dir}/key.pem;
    ssl_protocols TLSv1.3;
    ssl_session_cache off;
    ssl_session_tickets off;`;
  return `
  server {
${tls.ports.map((p) => `    listen ${HOST}:${p} ssl;`).join('\n')}${common}
    location ~ ^/w7/f[0-9]+\\.bin$ { alias ${data}/w2.bin; }
    location / { return 404; }
  }
  server {
    listen ${HOST}:${tls.h2Port} ssl http2;${common}
    location ~ ^/w8/f[0-9]+\\.bin$ { alias ${data}/w2.bin; }
    location / { return 404; }
  }`;
}

function nginxConfig(dir, data, port, tls) {
  const body = 'x'.repeat(2 * KB);
  return `load_module ${ECHO_MODULE};
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile 16384;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 100000;
  keepalive_timeout 60s;
  sendfile on;
  tcp_nopush on;
  # All URLs of a workload map to one file: keep its descriptor open.
  open_file_cache max=64 inactive=300s;
  open_file_cache_valid 300s;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  default_type application/octet-stream;
  server {
    listen ${HOST}:${port} backlog=4096;
    # W1: the answer comes after 50 ms, like a slow origin.
    location ~ ^/w1/f[0-9]+\\.bin$ { echo_sleep 0.05; echo -n "${body}"; }
    location ~ ^/w2/f[0-9]+\\.bin$ { alias ${data}/w2.bin; }
    location ~ ^/w3/f[0-9]+\\.bin$ { alias ${data}/w3.bin; }
    # W4: gzip_static sends w4.html.gz to clients that accept gzip.
    location ~ ^/w4/f[0-9]+\\.html$ { default_type text/html; gzip_static on; alias ${data}/w4.html; }
    location ~ ^/w5/f[0-9]+\\.bin$ { alias ${data}/w5.bin; }
    # W9: a generated site of pages and their subresources.
    location /w9/ { include /etc/nginx/mime.types; alias ${data}/w9/; }
    # W10, W10L: the crawled sites.
    location /w10/ { default_type text/html; alias ${data}/w10/; }
    location /w10l/ { default_type text/html; alias ${data}/w10l/; }
    # Request counter, read before and after each run (see nginxCounters).
    location = /_status { stub_status; }
    location / { return 404; }
  }${tlsServers(dir, data, tls)}
}
`;
}

// A self-signed ECDSA certificate for 127.0.0.1 (every client is run with
// its "insecure" flag alike), and the ports of W7's origins and W8's.
async function prepareTls(dir, wl) {
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl could not make the test certificate: ${made.stderr}`);
  const ports = [];
  while (ports.length < 500) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const h2Port = await freePort();
  for (const w of wl) {
    if (w.tls === 'origins') w.origins = ports.map((p) => `https://${HOST}:${p}`);
    if (w.tls === 'h2') w.origins = [`https://${HOST}:${h2Port}`];
  }
  return { ports, h2Port };
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, HOST, resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Starts nginx in the foreground (daemon off) as our child, in its own
// process group so cleanup can signal master and worker together.
async function startNginx(dir, data, have, wl) {
  const port = await freePort();
  for (const d of ['logs', 'tmp']) await fsp.mkdir(path.join(dir, d), { mode: 0o755 });
  const tls = wl.some((w) => w.tls) ? await prepareTls(dir, wl) : null;
  const conf = path.join(dir, 'nginx.conf');
  await fsp.writeFile(conf, nginxConfig(dir, data, port, tls));
  const args = ['-p', `${dir}/`, '-c', conf, '-e', path.join(dir, 'logs/error.log')];
  const [cmd, argv] = have.pin ? ['taskset', ['-c', '1', 'nginx', ...args]] : ['nginx', args];
  const child = spawn(cmd, argv, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  state.nginx = { child, exited };
  const up = await waitForPort(port, 5000, exited);
  if (!up) {
    const errlog = await fsp.readFile(path.join(dir, 'logs/error.log'), 'utf8').catch(() => '');
    throw new Error(`nginx did not start:\n${stderr}${errlog}`);
  }
  return `http://${HOST}:${port}`;
}

async function waitForPort(port, ms, exited) {
  let dead = false;
  exited.then(() => (dead = true));
  const until = Date.now() + ms;
  while (Date.now() < until && !dead) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, HOST, () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return true;
    await sleep(50);
  }
  return false;
}

// SIGTERM is nginx's fast shutdown; SIGKILL if it lingers.
async function stopNginx() {
  const n = state.nginx;
  if (!n) return;
  state.nginx = null;
  if (n.child.exitCode !== null || n.child.signalCode !== null) return;
  killGroup(n.child, 'SIGTERM');
  const done = await Promise.race([n.exited.then(() => true), sleep(3000).then(() => false)]);
  if (!done) killGroup(n.child, 'SIGKILL');
}

function httpGet(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.setTimeout(10_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
  });
}

// nginx's count of requests handled so far; it includes this status request,
// so a run served (after - before - 1) requests.
// stub_status: connections accepted and requests served since nginx started.
async function nginxCounters(base) {
  const res = await httpGet(`${base}/_status`);
  const m = /\n\s*(\d+)\s+(\d+)\s+(\d+)/.exec(res.body.toString());
  if (!m) throw new Error(`unexpected stub_status: ${res.body}`);
  return { accepts: Number(m[1]), requests: Number(m[3]) };
}

// Fails early when the server does not answer as the checks expect, so a
// config mistake is not reported as every tool failing.
async function sanityCheck(base, gzSize) {
  const expect = async (url, headers, check) => {
    const res = await httpGet(url, headers);
    const problem = check(res);
    if (problem) throw new Error(`nginx sanity check: ${url}: ${problem}`);
  };
  await expect(`${base}/w1/f7.bin`, {}, (r) => (r.status === 200 && r.body.length === 2 * KB ? null : `${r.status} ${r.body.length} B`));
  await expect(`${base}/w2/f7.bin`, {}, (r) => (r.status === 200 && r.body.length === KB ? null : `${r.status} ${r.body.length} B`));
  await expect(`${base}/w5/f7.bin`, {}, (r) => (r.status === 200 && r.body.length === 100 ? null : `${r.status} ${r.body.length} B`));
  await expect(`${base}/w4/f7.html`, { 'accept-encoding': 'gzip' }, (r) =>
    r.headers['content-encoding'] === 'gzip' && r.body.length === gzSize ? null : `not gzip'd (${r.body.length} B)`,
  );
  await expect(`${base}/w4/f7.html`, {}, (r) => (r.body.length === 100 * KB ? null : `${r.body.length} B`));
}

// ---------------------------------------------------------------- running

const state = { nginx: null, client: null, dir: null, shm: null, keep: false };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function log(line) {
  process.stderr.write(`${line}\n`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

// Clients must not go through a proxy to reach 127.0.0.1.
function clientEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  for (const k of Object.keys(env)) if (/_proxy$/i.test(k)) delete env[k];
  return env;
}

// Runs one client pinned to core 0 under /usr/bin/time (peak RSS in KB, user and system CPU seconds) with
// stdout/stderr to files. Wall time is taken around the spawn; the wrappers
// add about a millisecond. The client gets its own process group so a
// timeout or Ctrl-C kills it with every process it started.
async function runClient(argv, { outFile, errFile, rssFile, timeoutMs, have }) {
  const wrapped = [...argv];
  if (have.time) wrapped.unshift('/usr/bin/time', '-f', '%M %U %S', '-o', rssFile);
  if (have.pin) wrapped.unshift('taskset', '-c', '0');
  const out = fs.openSync(outFile, 'w');
  const err = fs.openSync(errFile, 'w');
  const start = process.hrtime.bigint();
  const child = spawn(wrapped[0], wrapped.slice(1), { detached: true, stdio: ['ignore', out, err], env: clientEnv() });
  fs.closeSync(out);
  fs.closeSync(err);
  state.client = child;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child, 'SIGKILL');
  }, timeoutMs);
  const [code, signal] = await new Promise((resolve) => {
    child.once('exit', (c, s) => resolve([c, s]));
    child.once('error', (e) => resolve([127, String(e.message)]));
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  clearTimeout(timer);
  state.client = null;
  const usage = have.time ? readUsage(rssFile) : null;
  return { wallMs, code, signal, timedOut, rssKB: usage?.rssKB ?? null, cpuMs: usage?.cpuMs ?? null };
}

// /usr/bin/time writes "Command exited with non-zero status N" before the
// "%M %U %S" line when the client fails, so take the last line.
function readUsage(file) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const [kb, user, system] = lines.at(-1).split(' ').map(Number);
    if (![kb, user, system].every(Number.isFinite)) return null;
    return { rssKB: kb, cpuMs: (user + system) * 1000 };
  } catch {
    return null;
  }
}

function tail(file, n = 3) {
  try {
    return fs.readFileSync(file, 'utf8').trim().split('\n').slice(-n).join(' | ').slice(0, 300);
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- checks

// Counts each expected URL once; `parse(line)` returns { url, problem }.
// Returns null when every URL came exactly once and well, else a reason.
async function checkLines(file, w, base, parse) {
  const origin = w.origins ? 'https://127\\.0\\.0\\.1:\\d+' : base.replace(/\./g, '\\.');
  const re = new RegExp(`^${origin}/${w.dir}/${w.pages || w.crawl ? 'p' : 'f'}(\\d+)\\.${w.ext}$`);
  const seen = new Uint8Array(w.urls);
  const problems = [];
  let bad = 0;
  const note = (msg) => {
    bad++;
    if (problems.length < 3) problems.push(msg);
  };
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const { url, problem } = parse(line);
    const m = url === undefined ? null : re.exec(url);
    const i = m ? Number(m[1]) : -1;
    if (i < 0 || i >= w.urls) note(`unexpected line: ${line.slice(0, 120)}`);
    else if (seen[i]++) note(`duplicate: ${url}`);
    else if (problem) note(`${url}: ${problem}`);
  }
  const missing = seen.reduce((n, s) => n + (s === 0 ? 1 : 0), 0);
  if (missing) note(`${missing} URL(s) missing`);
  return bad ? `${bad} problem(s): ${problems.join('; ')}` : null;
}

function checkSitesize(file, w, base, sizes) {
  return checkLines(file, w, base, (line) => {
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      return { problem: 'not JSON' };
    }
    const i = Number(/f(\d+)\.\w+$/.exec(r.url ?? '')?.[1]);
    let problem = null;
    if (r.error !== null) problem = `error ${JSON.stringify(r.error)}`;
    else if (r.status !== 200) problem = `status ${r.status}`;
    else if (w.size !== undefined && r.bytes !== w.size) problem = `bytes ${r.bytes}, want ${w.size}`;
    else if (w.gzip && r.encodedBytes !== sizes.gzSize) problem = `encodedBytes ${r.encodedBytes}, want ${sizes.gzSize} (gzip)`;
    // A crawl numbers pages in the order it finds them.
    else if (!w.crawl && r.index !== i) problem = `index ${r.index}, want ${i}`;
    return { url: r.url, problem };
  });
}

// "url size_download http_code": curl counts the bytes on the wire, so the
// gzip'd size for W4.
function checkCurl(file, w, base, sizes) {
  const want = w.gzip ? sizes.gzSize : w.size;
  return checkLines(file, w, base, (line) => {
    const [url, size, code] = line.split(' ');
    const problem = code !== '200' ? `status ${code}` : Number(size) !== want ? `size ${size}, want ${want}` : null;
    return { url, problem };
  });
}

// "url size" or "url ERROR ...": the thread pool asks for no gzip.
function checkThreadPool(file, w, base) {
  return checkLines(file, w, base, (line) => {
    const [url, size] = line.split(' ');
    return { url, problem: Number(size) === w.size ? null : line.slice(url.length + 1, url.length + 100) };
  });
}

// ---------------------------------------------------------------- tools

// curl and wget2 on a URL list, with a workload's own flags (gzip, TLS, h2).
function curlList(w, f, flags) {
  return [
    'curl',
    '-s',
    '--no-progress-meter',
    '-Z',
    '--parallel-max',
    String(w.c),
    ...flags,
    '-K',
    f.curlConfig,
    '-w',
    '%{url} %{size_download} %{http_code}\\n',
  ];
}

function wget2List(w, f, flags) {
  return ['wget2', '--no-config', '-q', '--tries=1', `--max-threads=${w.c}`, ...flags, '-O', '/dev/null', '-i', f.list];
}

// argv(w, files) builds the client's command line; check(...) verifies its
// output where it prints one (wget2 -q prints nothing, and exits 0 even on
// refused connections, so it is judged by nginx's request count alone).
function tools(have) {
  const sitesize = [process.execPath, path.join(ROOT, 'bin/sitesize.js')];
  return [
    {
      name: 'sitesize',
      available: have.sitesize,
      argv: (w, f) => [...sitesize, f.list, '-c', String(w.c), '-q'],
      check: checkSitesize,
    },
    {
      name: 'curl',
      peer: true,
      available: have.curl,
      argv: (w, f) => curlList(w, f, w.gzip ? ['--compressed'] : []),
      check: checkCurl,
    },
    {
      name: 'wget2',
      peer: true,
      available: have.wget2,
      argv: (w, f) => wget2List(w, f, w.gzip ? ['--compression=gzip'] : []),
      check: null,
    },
    {
      name: 'threadpool',
      peer: true,
      available: have.python3,
      argv: (w, f) => ['python3', path.join(ROOT, 'bench/threadpool.py'), String(w.c), f.list],
      check: checkThreadPool,
    },
  ];
}

// W7 and W8: the same 1 KB over https, each tool with its flag for a
// self-signed certificate; W8 with HTTP/2 asked of every tool.
function tlsTools(have) {
  const sitesize = [process.execPath, path.join(ROOT, 'bin/sitesize.js')];
  const h2 = (w, flag) => (w.tls === 'h2' ? [flag] : []);
  return [
    {
      name: 'sitesize',
      available: have.sitesize,
      argv: (w, f) => [...sitesize, f.list, '-c', String(w.c), '-q', '-k', ...h2(w, '--http2')],
      check: checkSitesize,
    },
    {
      name: 'curl',
      peer: true,
      available: have.curl,
      argv: (w, f) => curlList(w, f, ['-k', ...h2(w, '--http2')]),
      check: checkCurl,
    },
    {
      name: 'wget2',
      peer: true,
      available: have.wget2,
      argv: (w, f) => wget2List(w, f, ['--no-check-certificate']),
      check: null,
    },
  ];
}

// W10: a crawl from the site's first page, each page once. wget2 follows the
// links and deletes each page once read (its spider mode asks HEAD, then GET,
// of every page); robots.txt is left out for both, so nginx's count is the
// site's pages exactly.
function crawlTools(have, base) {
  const sitesize = [process.execPath, path.join(ROOT, 'bin/sitesize.js')];
  const start = (w) => `${base}/${w.dir}/p0.${w.ext}`;
  return [
    {
      name: 'sitesize --crawl',
      available: have.sitesize,
      argv: (w) => [
        ...sitesize,
        '--crawl',
        start(w),
        '--no-robots',
        '--max-pages',
        String(w.urls),
        '-c',
        String(w.c),
        '--per-host',
        String(w.c),
        '-q',
      ],
      check: checkSitesize,
    },
    {
      name: 'wget2 -r',
      peer: true,
      available: have.wget2,
      argv: (w) => [
        'wget2',
        '--no-config',
        '-q',
        '--tries=1',
        '-r',
        '-l',
        'inf',
        '--no-robots',
        '--delete-after',
        '-P',
        fs.mkdtempSync(path.join(state.shm, 'w10-')),
        `--max-threads=${w.c}`,
        start(w),
      ],
      check: null,
    },
  ];
}

// W9: whole pages. sitesize counts every request of each page (`page.requests`);
// wget2 -p downloads the same requisites (to a tmpfs, so the disk does not
// set the pace); Chromium loads a sample of the pages, four at a time.
function pageTools(have) {
  const sitesize = [process.execPath, path.join(ROOT, 'bin/sitesize.js')];
  return [
    {
      name: 'sitesize',
      available: have.sitesize,
      argv: (w, f) => [...sitesize, '--page', f.list, '-c', String(w.c), '-q'],
      check: checkPages,
    },
    {
      name: 'wget2 -p',
      peer: true,
      available: have.wget2,
      argv: (w, f) => [
        'wget2',
        '--no-config',
        '-q',
        '--tries=1',
        '--no-robots',
        '-p',
        `--max-threads=${w.c}`,
        '-P',
        fs.mkdtempSync(path.join(state.shm, 'w9-')),
        '-i',
        f.list,
      ],
      check: null,
    },
    {
      name: 'chromium',
      peer: true,
      available: have.chromium,
      count: (w) => w.sample,
      served: () => null,
      argv: (w, f) => [process.execPath, path.join(ROOT, 'bench/chromium-pages.js'), f.sample, '4'],
      check: null,
    },
  ];
}

function checkPages(file, w, base) {
  return checkLines(file, w, base, (line) => {
    let r;
    try {
      r = JSON.parse(line);
    } catch {
      return { problem: 'not JSON' };
    }
    let problem = null;
    if (r.error !== null) problem = `error ${JSON.stringify(r.error)}`;
    else if (r.page?.requests !== w.perPage) problem = `page.requests ${r.page?.requests}, want ${w.perPage}`;
    else if (r.page.failed !== 0) problem = `${r.page.failed} failed subresources`;
    return { url: r.url, problem };
  });
}

// W6: start-up cost. `node -e 0` is the floor for any Node CLI and serves
// as W6's "ideal"; curl is the native reference.
function startupTools(have, base) {
  const sitesize = [process.execPath, path.join(ROOT, 'bin/sitesize.js')];
  const one = `${base}/w2/f0.bin`;
  return [
    { name: 'sitesize --version', available: have.sitesize, argv: () => [...sitesize, '--version'] },
    { name: 'sitesize --help', available: have.sitesize, argv: () => [...sitesize, '--help'] },
    {
      name: 'sitesize 1 URL',
      available: have.sitesize,
      argv: () => [...sitesize, one, '-q'],
      check: (file) => checkSitesize(file, { urls: 1, dir: 'w2', ext: 'bin', size: KB }, base, {}),
    },
    { name: 'node -e 0', peer: true, floor: true, available: true, argv: () => [process.execPath, '-e', '0'] },
    { name: 'curl --version', peer: true, available: have.curl, argv: () => ['curl', '--version'] },
    { name: 'curl 1 URL', peer: true, available: have.curl, argv: () => ['curl', '-s', '-o', '/dev/null', one] },
  ];
}

// ---------------------------------------------------------------- bench loop

// Runs every available tool on one workload, R rounds; tools take turns
// within a round so slow drift (thermal, page cache) hits them alike.
async function benchWorkload(w, toolList, ctx) {
  const rows = toolList.map((t) => ({
    workload: w.id,
    tool: t.name,
    peer: !!t.peer,
    floor: !!t.floor,
    runs: [],
    count: t.count?.(w),
    status: t.available ? 'ok' : 'skipped (missing)',
  }));
  const files = w.startup ? {} : await writeLists(ctx.dir, ctx.base, w);
  const rounds = w.startup ? Math.max(10, ctx.opts.runs) : ctx.opts.runs;
  for (let r = 0; r < rounds; r++) {
    for (const [k, t] of toolList.entries()) {
      const row = rows[k];
      if (!t.available || (row.status !== 'ok' && row.status !== 'FAIL')) continue; // missing or TIMEOUT
      if (Date.now() > ctx.opts.deadline) {
        row.note = 'stopped: --max-minutes reached';
        continue;
      }
      await runOnce(w, t, row, files, ctx, r, rounds);
      if (state.interrupted) return rows;
    }
  }
  if (!w.startup) for (const f of Object.values(files)) await fsp.rm(f, { force: true });
  return rows;
}

async function runOnce(w, t, row, files, ctx, r, rounds) {
  const outFile = path.join(ctx.dir, 'out.txt');
  const errFile = path.join(ctx.dir, 'err.txt');
  const counted = w.startup ? { accepts: 0, requests: 0 } : await nginxCounters(ctx.base);
  const before = counted.requests;
  const res = await runClient(t.argv(w, files), {
    outFile,
    errFile,
    rssFile: path.join(ctx.dir, 'rss.txt'),
    timeoutMs: ctx.opts.timeoutMs,
    have: ctx.have,
  });
  if (state.interrupted) return;
  let problem = null;
  if (res.timedOut) problem = `timed out after ${ctx.opts.timeoutMs / 1000} s`;
  else if (res.code !== 0) problem = `exit ${res.code ?? res.signal}: ${tail(errFile)}`;
  if (!w.startup && !res.timedOut) {
    const after = await nginxCounters(ctx.base);
    // W8 is about connections: one multiplexed connection against one per request.
    if (w.tls === 'h2') row.note = `${after.accepts - counted.accepts - 1} connections`;
    const served = after.requests - before - 1;
    const want = t.served === undefined ? (w.served ?? w.urls) : t.served(w);
    if (want !== null && served !== want) problem ??= `nginx served ${served} requests, want ${want}`;
  }
  if (!problem && t.check) problem = await t.check(outFile, w, ctx.base, ctx.sizes);
  row.runs.push({ wallMs: res.wallMs, rssKB: res.rssKB, cpuMs: res.cpuMs, timedOut: res.timedOut, ok: !problem, problem });
  if (res.timedOut) row.status = 'TIMEOUT';
  else if (problem) row.status = 'FAIL';
  const rss = res.rssKB === null ? '' : `, ${(res.rssKB / KB).toFixed(1)} MiB, ${(res.cpuMs / 1000).toFixed(2)} s CPU`;
  log(`${w.id} ${t.name} run ${r + 1}/${rounds}: ${fmtWall(res.wallMs, w)}${rss}${problem ? ` FAIL: ${problem}` : ''}`);
  await fsp.rm(outFile, { force: true });
}

// ---------------------------------------------------------------- report

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const fmtWall = (ms, w) => (w.startup ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(3)} s`);

// Adds median/min/max and the ratios. The best peer is the fastest peer
// whose runs all passed; the ratio is wall(tool) / wall(best peer).
function summarize(rows, w) {
  for (const row of rows) {
    // A killed run's wall time and RSS say nothing about the tool.
    const runs = row.runs.filter((r) => !r.timedOut);
    const walls = runs.map((r) => r.wallMs);
    const rss = runs.map((r) => r.rssKB).filter((x) => x !== null);
    if (walls.length) Object.assign(row, { median: median(walls), min: Math.min(...walls), max: Math.max(...walls) });
    // A tool that did a sample of the work (Chromium on W9) is compared per item.
    row.perItem = row.median === undefined ? undefined : row.median / (row.count ?? w.urls);
    if (rss.length) row.peakRssMiB = Math.max(...rss) / KB;
    const cpu = runs.map((r) => r.cpuMs).filter((x) => x !== null && x !== undefined);
    // CPU per 1 000 items (URLs, pages): the figure that does not depend on how busy the server was.
    if (cpu.length && !w.startup) row.cpuPer1000Ms = (median(cpu) / (row.count ?? w.urls)) * 1000;
  }
  const good = (r) => r.median !== undefined && r.status === 'ok';
  const peers = rows.filter((r) => r.peer && good(r));
  const best = peers.length ? Math.min(...peers.map((r) => r.perItem)) : null;
  const floor = rows.find((r) => r.floor && good(r));
  const ideal = w.ideal ? w.ideal * 1000 : floor?.median;
  for (const row of rows) {
    if (row.median === undefined) continue;
    if (best) row.vsBestPeer = row.perItem / best;
    if (ideal) row.vsIdeal = row.median / ideal;
  }
}

function rateOf(row, w) {
  if (w.startup || row.median === undefined) return '';
  const s = row.median / 1000;
  if (w.pages || w.crawl) return `${((row.count ?? w.urls) / s).toFixed(1)} pages/s`;
  return w.throughput ? `${((w.urls * w.size) / MB / s).toFixed(0)} MiB/s` : `${Math.round(w.urls / s)} URL/s`;
}

function tableRows(all, wl, ctx) {
  const byId = new Map(wl.map((w) => [w.id, w]));
  return all.map((row) => {
    const w = byId.get(row.workload);
    const has = row.median !== undefined;
    const unit = (ms) => (w.startup ? ms.toFixed(1) : (ms / 1000).toFixed(3));
    return [
      w.startup ? w.id : `${w.id} (${w.urls}×, c${w.c})`,
      row.tool,
      has ? `${unit(row.median)}${w.startup ? ' ms' : ' s'}` : row.status === 'TIMEOUT' ? `> ${ctx.opts.timeoutMs / 1000} s` : '-',
      has ? `${unit(row.min)}–${unit(row.max)}` : '-',
      rateOf(row, w),
      row.peakRssMiB === undefined ? '-' : row.peakRssMiB.toFixed(1),
      row.cpuPer1000Ms === undefined ? '' : row.cpuPer1000Ms.toFixed(row.cpuPer1000Ms < 10 ? 2 : 0),
      row.vsBestPeer === undefined ? '' : `${row.vsBestPeer.toFixed(2)}×`,
      row.vsIdeal === undefined ? '' : `${row.vsIdeal.toFixed(2)}×`,
      `${row.status}${row.note ? ` (${row.note})` : ''}`,
    ];
  });
}

function printTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((c, i) => (i < 2 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${line(header)}\n${widths.map((n) => '-'.repeat(n)).join('  ')}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

function printFailures(all) {
  for (const row of all) {
    const failed = row.runs.find((r) => !r.ok);
    if (failed) process.stdout.write(`${row.workload} ${row.tool}: ${failed.problem}\n`);
  }
}

// ---------------------------------------------------------------- main

async function cleanup() {
  if (state.client) killGroup(state.client, 'SIGKILL');
  await stopNginx();
  if (state.shm) await fsp.rm(state.shm, { recursive: true, force: true });
  state.shm = null;
  if (state.dir && !state.keep) await fsp.rm(state.dir, { recursive: true, force: true });
  else if (state.dir) log(`kept ${state.dir}`);
  state.dir = null;
}

function onSignal(signal) {
  if (state.interrupted) return;
  state.interrupted = true;
  log(`\n${signal}: stopping`);
  cleanup().finally(() => process.exit(130));
}

async function main() {
  const opts = parseOptions();
  state.keep = opts.keep;
  const wl = selectWorkloads(workloads(opts.quick), opts.only);
  const have = checkTools();
  const machine = machineInfo();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Last resort if we die another way: nginx must not outlive the run.
  process.on('exit', () => state.nginx && killGroup(state.nginx.child, 'SIGTERM'));

  process.stdout.write(`machine: ${machine.cpu}, ${machine.cores} cores, Linux ${machine.kernel}\n`);
  process.stdout.write(
    `versions: node ${machine.node}, nginx ${machine.nginx}, curl ${machine.curl}, wget2 ${machine.wget2}, python ${machine.python3}\n`,
  );
  process.stdout.write(
    `setup: nginx 1 worker${have.pin ? ' on core 1, clients on core 0' : ', unpinned'}; ${opts.runs} run(s) per cell (W6: ${Math.max(10, opts.runs)})${opts.quick ? '; --quick: URL counts / 10' : ''}\n`,
  );

  state.dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'sitesize-bench-'));
  await fsp.chmod(state.dir, 0o755); // the nginx worker runs as nobody
  // wget2 -p writes what it downloads: to memory, so the disk does not set its pace.
  state.shm = await fsp.mkdtemp(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'sitesize-bench-'));
  const { data, gzSize } = await writeData(state.dir, wl);
  const base = await startNginx(state.dir, data, have, wl);
  await sanityCheck(base, gzSize);
  log(`nginx up at ${base} (files in ${state.dir})`);

  const ctx = { opts, have, base, dir: state.dir, sizes: { gzSize } };
  const all = [];
  for (const w of wl) {
    const list = w.startup
      ? startupTools(have, base)
      : w.pages
        ? pageTools(have)
        : w.tls
          ? tlsTools(have)
          : w.crawl
            ? crawlTools(have, base)
            : tools(have);
    const rows = await benchWorkload(w, list, ctx);
    if (state.interrupted) return;
    summarize(rows, w);
    all.push(...rows);
  }
  await cleanup();

  process.stdout.write('\n');
  const header = ['workload', 'tool', 'median', 'min–max', 'rate', 'RSS MiB', 'CPU ms/1000', 'vs best peer', 'vs ideal', 'check'];
  printTable(header, tableRows(all, wl, ctx));
  process.stdout.write(
    `\nW1/W1L ideal = ceil(URLs/C) × 50 ms; W6 ideal = node -e 0. Peers: curl, wget2, threadpool. W4: gzip for sitesize/curl/wget2, plain for threadpool.\n`,
  );
  printFailures(all);
  if (opts.json) {
    await fsp.writeFile(
      opts.json,
      `${JSON.stringify({ machine, options: { ...opts, deadline: undefined }, workloads: wl, results: all }, null, 2)}\n`,
    );
    log(`raw results: ${opts.json}`);
  }
}

main().catch(async (err) => {
  log(`error: ${err.stack ?? err}`);
  await cleanup();
  process.exit(1);
});
