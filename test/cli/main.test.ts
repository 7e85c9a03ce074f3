import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { SizeRecord } from '../../src/index.js';
import { binPath, outcomeOf, parseLines, recordKeys, runCli, startCli, timingKeys, type CliResult, type CliRun } from '../helpers/run.js';
import { closedPort, useServers, type Handler } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

// Every key of the SPEC's record table, and of its `timings` object, sorted.
const sortedRecordKeys = [...recordKeys].sort();
const sortedTimingKeys = [...timingKeys].sort();

const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
// The CLI is spawned from the package root, as `node bin/sitesize.js`.
const packageRoot = new URL('../..', import.meta.url);

const folder = mkdtempSync(join(tmpdir(), 'sitesize-cli-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

function writeInput(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function urlList(urls: readonly string[]): string {
  return urls.map((url) => `${url}\n`).join('');
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}

const serve = useServers();

// Answers every request with a small page, after `?delay=ms` if the URL asks for one.
const page: Handler = (request, response) => {
  const wait = Number(new URL(request.url ?? '/', 'http://localhost').searchParams.get('delay') ?? 0);
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('hello, world');
  }, wait);
};

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/^ {4}at /m);
}

function expectUsageError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr, 'exactly one line on stderr').toMatch(/^[^\n]+\n$/);
  expectNoStackTrace(result.stderr);
}

// Resolves once the child has written `count` whole lines to stdout (or has ended).
function linesWritten(run: CliRun, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    run.child.stdout?.on('data', (chunk: string) => {
      seen += chunk.split('\n').length - 1;
      if (seen >= count) resolve();
    });
    run.child.once('close', () => {
      resolve();
    });
  });
}

/** Runs a shell pipeline in its own process group, killed whole if it outlives `timeoutMs`. */
function runShell(script: string, args: string[], timeoutMs: number): Promise<CliResult & { ms: number }> {
  const started = Date.now();
  const child = spawn('sh', ['-c', script, 'sh', ...args], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  // Killing the group, not just sh, so that a CLI that never stops is not left behind.
  const killGroup = (): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // The group has already gone.
    }
  };
  return outcomeOf(child, timeoutMs, killGroup).then((result) => ({ ...result, ms: Date.now() - started }));
}

/** A stdout that takes every write but calls none back, so it never drains, until `release()`. */
function heldStdout(): { stream: Writable; text: () => string; held: () => number; release: () => void } {
  const chunks: string[] = [];
  const pending: (() => void)[] = [];
  let held = true;
  const stream = new Writable({
    highWaterMark: 1,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      if (held) pending.push(callback);
      else callback();
    },
  });
  const release = (): void => {
    held = false;
    for (const callback of pending.splice(0)) callback();
  };
  return { stream, text: () => chunks.join(''), held: () => pending.length, release };
}

function textSink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  return { stream, text: () => text };
}

describe('sitesize FILE', () => {
  it('writes only whole JSON lines with every SPEC key, then a summary on stderr', async () => {
    const server = await serve.http(page);
    const urls = range(6).map((index) => `${server.origin}/page/${index}?delay=20`);
    const result = await runCli([writeInput('six.txt', urlList(urls)), '-c', '2']);

    expect(result.code, result.stderr).toBe(0);
    const records = parseLines(result.stdout);
    expect(records.map((record) => record.index).sort((a, b) => a - b)).toEqual(range(6));
    for (const record of records) {
      expect(Object.keys(record).sort()).toEqual(sortedRecordKeys);
      expect(Object.keys(record.timings).sort()).toEqual(sortedTimingKeys);
      expect(record).toMatchObject({ url: urls[record.index], status: 200, bytes: 12, error: null });
    }
    expect(server.inFlight.peak).toBeLessThanOrEqual(2);

    expect(result.stderr, 'two summary lines').toMatch(
      /^sitesize: [^\n]+\nsitesize: bytes p50 12 B, p95 12 B, max 12 B; total p50 [^\n]+\n$/,
    );
    for (const part of ['6 URLs', '6 ok', '0 failed', 'decoded', 'transferred', 'URLs/s']) expect(result.stderr).toContain(part);
  });

  it('prints no summary with -q', async () => {
    const server = await serve.http(page);
    const result = await runCli([writeInput('quiet.txt', urlList([`${server.origin}/a`, `${server.origin}/b`])), '-q']);
    expect(result.code).toBe(0);
    expect(parseLines(result.stdout)).toHaveLength(2);
    expect(result.stderr).toBe('');
  });
});

describe('options reach the requests', () => {
  it('sends -H and -A, and with --no-compression asks for no encoding', async () => {
    const server = await serve.http(page);
    const result = await runCli([`${server.origin}/h`, '-H', 'X-Token: a b', '-A', 'bot/1', '--no-compression', '-q']);
    expect(result.code, result.stderr).toBe(0);
    const [request] = server.requests;
    expect(request?.headers).toMatchObject({ 'x-token': 'a b', 'user-agent': 'bot/1' });
    expect(request?.headers['accept-encoding']).toBeUndefined();
  });

  it('applies --max-size, --no-follow, --max-redirects and -t', async () => {
    const server = await serve.http((request, response) => {
      if (request.url === '/big') response.end('x'.repeat(5000));
      else if (request.url === '/moved') response.writeHead(301, { location: '/big' }).end();
      else if (request.url === '/slow') setTimeout(() => response.end('late'), 3000);
    });
    const run = async (...args: string[]): Promise<SizeRecord | undefined> => parseLines((await runCli([...args, '-q'])).stdout)[0];
    expect(await run(`${server.origin}/big`, '--max-size', '1k')).toMatchObject({ bytes: 1024, truncated: true, error: null });
    expect(await run(`${server.origin}/moved`, '--no-follow')).toMatchObject({ status: 301, redirects: 0, error: null });
    expect((await run(`${server.origin}/moved`, '--max-redirects', '0'))?.error?.code).toBe('TOO_MANY_REDIRECTS');
    expect(await run(`${server.origin}/moved`)).toMatchObject({ status: 200, redirects: 1, finalUrl: `${server.origin}/big` });
    expect((await run(`${server.origin}/slow`, '-t', '0.2'))?.error?.code).toBe('TIMEOUT');
  });
});

describe('sources', () => {
  it('reads stdin when no source is given (cat urls | sitesize)', async () => {
    const server = await serve.http(page);
    const urls = [`${server.origin}/one`, `${server.origin}/two`, `${server.origin}/three`];
    const result = await runCli(['--ordered'], { input: urlList(urls) });
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout).map(({ index, url }) => ({ index, url }))).toEqual(urls.map((url, index) => ({ index, url })));
  });

  it('reads stdin for -', async () => {
    const server = await serve.http(page);
    const urls = [`${server.origin}/one`, `${server.origin}/two`];
    const result = await runCli(['-', '--ordered'], { input: urlList(urls) });
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout).map((record) => record.url)).toEqual(urls);
  });

  it('numbers URLs across a URL argument, a file and stdin, in that order', async () => {
    const server = await serve.http(page);
    // The first URL is the slowest, so only --ordered puts it first on stdout.
    const argument = `${server.origin}/argument?delay=150`;
    const fromFile = [`${server.origin}/file/1`, `${server.origin}/file/2`];
    const fromStdin = [`${server.origin}/stdin/1`, `${server.origin}/stdin/2`];
    const result = await runCli([argument, writeInput('mixed.txt', urlList(fromFile)), '-', '--ordered', '-c', '4'], {
      input: urlList(fromStdin),
    });

    expect(result.code, result.stderr).toBe(0);
    const expected = [argument, ...fromFile, ...fromStdin].map((url, index) => ({ index, url }));
    expect(parseLines(result.stdout).map(({ index, url }) => ({ index, url }))).toEqual(expected);
  });

  it('drops a BOM, reads CRLF lines, skips comments and blank lines, trims', async () => {
    const server = await serve.http(page);
    const [a, b, c] = ['/a', '/b', '/c'].map((path) => `${server.origin}${path}`);
    const content = `\uFEFF${a}\r\n# a comment\r\n\r\n   ${b}  \r\n   \r\n#${server.origin}/commented-out\r\n${c}`;
    const result = await runCli([writeInput('crlf.txt', content), '--ordered']);

    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout).map(({ index, url }) => ({ index, url }))).toEqual([
      { index: 0, url: a },
      { index: 1, url: b },
      { index: 2, url: c },
    ]);
    expect(server.requests.map((request) => request.url).sort()).toEqual(['/a', '/b', '/c']);
  });
});

describe('exit codes', () => {
  it('exits 1 when a record has an error', async () => {
    const server = await serve.http(page);
    const refused = `http://127.0.0.1:${await closedPort()}/`;
    const result = await runCli([`${server.origin}/fine`, refused, '--ordered']);
    expect(result.code, result.stderr).toBe(1);
    const records = parseLines(result.stdout);
    expect(records.map((record) => record.error?.code ?? null)).toEqual([null, 'CONNECT_REFUSED']);
    expect(result.stderr).toContain('1 failed');
  });

  it('exits 0 for a 404: it is a measured response', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    });
    const result = await runCli([`${server.origin}/missing`]);
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout)).toMatchObject([{ status: 404, bytes: 8, error: null }]);
  });
});

describe('usage errors', () => {
  it.each([
    ['-c 0', ['-c', '0']],
    ['-t abc', ['-t', 'abc']],
    ['--max-size 12X', ['--max-size', '12X']],
    ['-H novalue', ['-H', 'novalue']],
    ['an unknown option', ['--bogus']],
    ['a misspelt option (commander suggests the right one)', ['--concurency', '3']],
    ['a missing file', [join(folder, 'missing.txt')]],
    ['a directory as a source', [folder]],
  ])('%s: exit 2, one line on stderr, no stack trace, nothing fetched', async (_name, args) => {
    const server = await serve.http(page);
    const result = await runCli([`${server.origin}/must-not-be-fetched`, ...args]);
    expectUsageError(result);
    expect(server.requests).toHaveLength(0);
  });

  it.each([[['--version']], [['-V']], [['--version', 'urls.txt']]])('%j prints the package version', async (args) => {
    const result = await runCli(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${packageVersion}\n`);
    expect(result.stderr).toBe('');
  });

  it('--help lists every option', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const implemented = [
      '--concurrency',
      '--timeout',
      '--connect-timeout',
      '--max-redirects',
      '--no-follow',
      '--max-size',
      '--header',
      '--user-agent',
      '--no-compression',
      '--insecure',
      '--per-host',
      '--rate',
      '--retries',
      '--proxy',
      '--http2',
      '--allow-private',
      '--ordered',
      '--format',
      '--output',
      '--resume',
      '--shard',
      '--progress',
      '--no-progress',
      '--quiet',
      '--version',
      '--help',
    ];
    for (const option of implemented) expect(result.stdout).toContain(option);
  });

  it('with no source and stdin a terminal, prints usage and exits 2 (in-process)', async () => {
    const stdout = textSink();
    const stderr = textSink();
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    const code = await main(['node', 'sitesize'], { stdin, stdout: stdout.stream, stderr: stderr.stream, signals: new EventEmitter() });
    expect(code).toBe(2);
    expect(stderr.text()).toMatch(/^Usage: sitesize /);
    expect(stdout.text()).toBe('');
  });
});

describe('a closed stdout (EPIPE)', () => {
  it('stops promptly and quietly behind `| head -1`', async () => {
    const server = await serve.http(page);
    const file = writeInput('two-thousand.txt', urlList(range(2000).map((index) => `${server.origin}/n/${index}?delay=5`)));
    const result = await runShell('"$1" "$2" "$3" -c 4 | head -1', [process.execPath, binPath, file], 15_000);

    expect(result.signal, 'the pipeline ended by itself').toBeNull();
    expect(result.ms).toBeLessThan(10_000);
    expect(result.stdout).toMatch(/^[^\n]+\n$/);
    expect(parseLines(result.stdout)).toHaveLength(1);
    expect(result.stderr).toBe('');
    // Stopped, rather than measuring the whole list into a closed pipe.
    expect(server.requests.length).toBeLessThan(200);
  });

  it('exits by itself when its stdout pipe is destroyed after the first line', async () => {
    const server = await serve.http(page);
    const file = writeInput('two-thousand-direct.txt', urlList(range(2000).map((index) => `${server.origin}/n/${index}?delay=5`)));
    const run = startCli([file, '-c', '4'], { timeoutMs: 15_000 });
    await linesWritten(run, 1);
    run.child.stdout?.destroy();
    const result = await run.result;

    expect(result.signal, 'not killed by the timeout').toBeNull();
    expect(typeof result.code).toBe('number');
    expectNoStackTrace(result.stderr);
    expect(server.requests.length).toBeLessThan(200);
  });
});

describe('interrupted', () => {
  // Two URLs answer at once; the rest never get an answer.
  async function halfHangingRun(signal: NodeJS.Signals): Promise<{ result: CliResult; records: SizeRecord[] }> {
    const server = await serve.http((request, response) => {
      if (request.url?.startsWith('/fast/') === true) response.end('fast');
    });
    const urls = range(20).map((index) => `${server.origin}/${index < 2 ? 'fast' : 'hang'}/${index}`);
    const run = startCli([writeInput(`hang-${signal}.txt`, urlList(urls)), '-c', '4'], { timeoutMs: 15_000 });
    await linesWritten(run, 2);
    await waitFor(() => server.inFlight.current >= 4, 'four hanging requests');
    run.child.kill(signal);
    const result = await run.result;
    return { result, records: parseLines(result.stdout) };
  }

  it.each(['SIGINT', 'SIGTERM'] as const)('on %s: exit 130, summary, whole lines, no ABORTED record', async (signal) => {
    const { result, records } = await halfHangingRun(signal);
    expect(result.signal, 'not killed by the timeout').toBeNull();
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toMatch(/^sitesize: 2 URLs [^\n]*\nsitesize: bytes [^\n]*\n$/);
    expectNoStackTrace(result.stderr);
    expect(records.map((record) => record.index).sort((a, b) => a - b)).toEqual([0, 1]);
    expect(records.filter((record) => record.error?.code === 'ABORTED')).toEqual([]);
  });
});

describe('a slow stdout (in-process)', () => {
  it('stops pulling URLs while stdout does not drain, then finishes', async () => {
    const server = await serve.http(page);
    const file = writeInput('thousand.txt', urlList(range(1000).map((index) => `${server.origin}/n/${index}`)));
    const stdout = heldStdout();
    const stderr = textSink();
    const concurrency = 4;
    const run = main(['node', 'sitesize', file, '-c', String(concurrency)], {
      stdin: new PassThrough(),
      stdout: stdout.stream,
      stderr: stderr.stream,
      signals: new EventEmitter(),
    });

    // Once stdout holds a write and the server has nothing left to answer, the run has stopped pulling.
    await waitFor(
      () => stdout.held() > 0 && server.requests.length > 0 && server.inFlight.current === 0,
      'a held write and an idle server',
    );
    expect(server.requests.length, 'requests made while stdout is full').toBeLessThanOrEqual(concurrency * 2 + 3);

    stdout.release();
    expect(await run).toBe(0);
    const records = parseLines(stdout.text());
    expect(records).toHaveLength(1000);
    expect(new Set(records.map((record) => record.index)).size).toBe(1000);
    expect(stderr.text()).toMatch(/^sitesize: 1000 URLs /);
  });
});

describe('write errors', () => {
  it('reports a full disk on stderr and exits 1', async () => {
    const server = await serve.http(page);
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${binPath}" ${server.origin}/a > /dev/full`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const { code, stderr } = await outcomeOf(shell, 15_000);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^sitesize: cannot write the results: ENOSPC[^\n]*\n$/);
  });
});
