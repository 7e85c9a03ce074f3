import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../helpers/files.js';
import { runWithPeakRss } from '../helpers/peak-rss.js';
import { parseLines } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';

const files = useTempFolder('crawl-memory');
const serve = useServers();
const testTimeoutMs = 600_000;

describe('peak memory of a crawl', () => {
  it(
    'crawls a generated site of 200 000 pages under 250 MB',
    async () => {
      const count = 200_000;
      // Each page links to two new pages (a binary tree, so the frontier grows
      // to half the site), to its parent and to the home page (cycles), and to
      // itself with a fragment and a tracking parameter (the same page again).
      const server = await serve.http((request, response) => {
        const path = request.url ?? '';
        const page = path.startsWith('/p/') ? Number(path.slice(3)) : -1;
        if (!Number.isSafeInteger(page) || page < 0 || page >= count) {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('none');
          return;
        }
        const links = [2 * page + 1, 2 * page + 2]
          .filter((child) => child < count)
          .map((child) => `<a href="/p/${child}">child ${child}</a>`)
          .join('');
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(
          `<html><body><h1>Page ${page}</h1>${links}<a href="/p/${page >> 1}">up</a><a href="/p/0">home</a>` +
            `<a href="/p/${page}#top">top</a><a href="/p/${page}?utm_source=feed">share</a></body></html>`,
        );
      });
      const output = files.path('site.jsonl');
      const summary = files.path('site.json');
      const run = await runWithPeakRss(
        [
          '--crawl',
          `${server.origin}/p/0`,
          '--max-pages',
          '1000000',
          '-c',
          '16',
          '--per-host',
          '16',
          '-q',
          '-o',
          output,
          '--summary-json',
          summary,
        ],
        testTimeoutMs - 20_000,
      );
      const message = `${count} pages: peak RSS ${run.peakRssMb.toFixed(1)} MiB, ${run.seconds.toFixed(1)} s`;
      console.log(message);

      expect(run.code, run.stderr).toBe(0);
      const records = parseLines(readFileSync(output, 'utf8'));
      expect(records).toHaveLength(count);
      const seen = new Uint8Array(count);
      for (const record of records) {
        const page = Number(new URL(record.url).pathname.slice(3));
        seen[page] = (seen[page] ?? 0) + 1;
      }
      expect(
        seen.every((times) => times === 1),
        'each page exactly once',
      ).toBe(true);
      const indexes = new Uint8Array(count);
      for (const record of records) indexes[record.index] = 1;
      expect(
        indexes.every((taken) => taken === 1),
        'indexes 0 to n-1',
      ).toBe(true);
      expect(JSON.parse(readFileSync(summary, 'utf8'))).toMatchObject({ urls: count, ok: count, site: { pages: count, stoppedBy: null } });
      expect(run.peakRssMb, message).toBeLessThan(250);
    },
    testTimeoutMs,
  );
});
