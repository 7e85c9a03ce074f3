#!/usr/bin/env node
// npm run compare-browser: how close `sitesize --page` comes to what headless
// Chromium downloads, page by page, on static sites served from loopback.
//
//   node bench/compare-browser.js [--device mobile|desktop] [--per-site N] [--site NAME=DIR ...] [--json FILE]
//
// Each page is loaded in Chromium (Debian's /usr/bin/chromium through
// playwright-core, a fresh context per page, cache disabled, the device's
// viewport and pixel ratio) and its Network.loadingFinished encodedDataLength
// summed over the page's requests (favicon left out, as Lighthouse does); the
// same URL is weighed by the built library with `page: true`. Both read the
// same loopback server, which sends whole bodies with Content-Length (gzip'd
// for text, as web servers do), so no chunked framing blurs the figures.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.js';
import { serveStatic } from './static-server.js';
import { writeRulePages } from './rule-pages.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { measure } = await import(path.join(ROOT, 'dist/index.js'));

const defaultSites = [
  ['python (Sphinx)', '/usr/share/doc/python3.11/html'],
  ['requests (Sphinx, alabaster)', '/usr/share/doc/python-requests-doc/html'],
  ['sphinx (Sphinx)', '/usr/share/doc/sphinx-doc/html'],
  ['git (AsciiDoc)', '/usr/share/doc/git-doc'],
  ['debian-reference (DocBook)', '/usr/share/doc/debian-reference-en/docs'],
];

const devices = {
  mobile: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
};

const { values } = parseArgs({
  options: {
    device: { type: 'string', default: 'mobile' },
    'per-site': { type: 'string', default: '20' },
    site: { type: 'string', multiple: true },
    json: { type: 'string' },
  },
});
const device = values.device === 'desktop' ? 'desktop' : 'mobile';
const perSite = Number(values['per-site']);
const sites = values.site ? values.site.map((entry) => entry.split('=')) : defaultSites.filter(([, dir]) => fs.existsSync(dir));

// Every n-th HTML file of a tree, in a stable order, so runs compare the same pages.
function samplePages(dir, count) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('_')) walk(full);
      else if (entry.name.endsWith('.html')) found.push(path.relative(dir, full));
    }
  };
  walk(dir);
  const step = Math.max(1, Math.floor(found.length / count));
  return found.filter((_, index) => index % step === 0).slice(0, count);
}

async function weighInChromium(browser, url) {
  const context = await browser.newContext({ ...devices[device], serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const urls = new Map();
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (event) => {
    // A redirect's response arrives with the request that follows it.
    if (event.redirectResponse) bytes += event.redirectResponse.encodedDataLength ?? 0;
    urls.set(event.requestId, event.request.url);
  });
  cdp.on('Network.loadingFinished', (event) => {
    const url = urls.get(event.requestId) ?? '';
    if (new URL(url).pathname !== '/favicon.ico') bytes += event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await context.close();
  const fetched = new Set([...urls.values()].filter((each) => new URL(each).pathname !== '/favicon.ico' && !each.startsWith('data:')));
  return { bytes, urls: fetched };
}

async function weighWithSitesize(url) {
  const urls = new Set();
  let record;
  for await (const result of measure([url], { page: true, device, assetCache: false, onRequest: (entry) => urls.add(entry.url) })) {
    record = result;
  }
  return { bytes: record?.page?.transferBytes ?? 0, urls, error: record?.error?.code ?? null };
}

const percent = (ours, theirs) => (theirs === 0 ? 0 : ((ours - theirs) / theirs) * 100);

async function main() {
  const rules = writeRulePages();
  const roots = [...sites, ['generated rule pages', rules.dir]];
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const [name, dir] of roots) {
      const server = await serveStatic(dir);
      const pages = dir === rules.dir ? rules.pages : samplePages(dir, perSite);
      for (const page of pages) {
        const url = `${server.origin}/${page.split(path.sep).map(encodeURIComponent).join('/')}`;
        const browserSide = await weighInChromium(browser, url);
        const ours = await weighWithSitesize(url);
        const onlyOurs = [...ours.urls].filter((each) => !browserSide.urls.has(each));
        const onlyBrowser = [...browserSide.urls].filter((each) => !ours.urls.has(each));
        rows.push({
          site: name,
          page,
          sitesize: ours.bytes,
          chromium: browserSide.bytes,
          error: percent(ours.bytes, browserSide.bytes),
          onlyOurs,
          onlyBrowser,
        });
      }
      await server.close();
    }
  } finally {
    await browser.close();
  }
  report(rows);
  if (values.json) fs.writeFileSync(values.json, JSON.stringify(rows, null, 2));
}

function report(rows) {
  const strip = (url) => new URL(url).pathname;
  for (const row of rows) {
    const flag = Math.abs(row.error) > 5 ? '  <-- off by more than 5 %' : '';
    console.log(`${row.site}  ${row.page}: sitesize ${row.sitesize} B, chromium ${row.chromium} B, ${row.error.toFixed(1)} %${flag}`);
    for (const url of row.onlyOurs) console.log(`    only sitesize: ${strip(url)}`);
    for (const url of row.onlyBrowser) console.log(`    only chromium: ${strip(url)}`);
  }
  console.log('\nsite                            pages  median |error|  within 5 %');
  for (const site of [...new Set(rows.map((row) => row.site))])
    summarize(
      site,
      rows.filter((row) => row.site === site),
    );
  summarize('all', rows);
}

function summarize(name, rows) {
  const errors = rows.map((row) => Math.abs(row.error)).sort((a, b) => a - b);
  const median = errors.length === 0 ? 0 : errors[Math.floor((errors.length - 1) / 2)];
  const within = errors.filter((error) => error <= 5).length;
  console.log(
    `${name.padEnd(30)}  ${String(rows.length).padStart(5)}  ${median.toFixed(2).padStart(12)} %  ${((within / Math.max(1, rows.length)) * 100).toFixed(0).padStart(8)} %`,
  );
}

await main();
