#!/usr/bin/env node
// Loads each URL of a list in headless Chromium (a fresh context each, cache
// off, `parallel` pages at a time) and prints "url requests bytes" per page:
// the browser's side of the benchmark's page workload.
//
//   node bench/chromium-pages.js LIST [parallel]
import fs from 'node:fs';
import { launchChromium } from './chromium.js';

const [list, parallelArg = '4'] = process.argv.slice(2);
const urls = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
const browser = await launchChromium();

async function load(url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let requests = 0;
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    requests++;
    bytes += event.encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await context.close();
  process.stdout.write(`${url} ${requests} ${bytes}\n`);
}

const queue = [...urls];
await Promise.all(
  Array.from({ length: Number(parallelArg) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) await load(url);
  }),
);
await browser.close();
