import { describe, expect, it } from 'vitest';
import type { SizeRecord } from '../../src/index.js';
import { collect } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { htmlPage, siteHandler } from '../helpers/site.js';

const serve = useServers();

async function crawl(start: string[], options: { maxPages?: number } = {}): Promise<{ records: SizeRecord[]; warnings: string[] }> {
  const warnings: string[] = [];
  const records = await collect(start, { crawl: true, onWarning: (message) => warnings.push(message), ...options });
  return { records, warnings };
}

describe('a crawl of bad input', () => {
  it('a start URL that is not HTML is one record, and its body is not scanned', async () => {
    const server = await serve.http(siteHandler({ '/data.json': { body: '{"a": "<a href=\\"/x\\">"}', type: 'application/json' } }));
    const { records } = await crawl([`${server.origin}/data.json`]);
    expect(records).toMatchObject([{ index: 0, status: 200, depth: 0, linkedFrom: null }]);
    expect(server.requests.map((request) => request.url)).toEqual(['/robots.txt', '/data.json']);
  });

  it('start lines that are not URLs are error records; a repeated start URL is measured once', async () => {
    const server = await serve.http(siteHandler({ '/': htmlPage([]) }));
    const { records } = await crawl(['not a url at all', `${server.origin}/`, `${server.origin}/#again`, 'ftp://example.invalid/']);
    expect(records.map((record) => [record.index, record.error?.code ?? record.status])).toEqual([
      [0, 'INVALID_URL'],
      [1, 200],
      [2, 'UNSUPPORTED_PROTOCOL'],
    ]);
  });

  it('skips links that are not http(s) URLs', async () => {
    const hrefs = ['javascript:alert(1)', 'http://[', 'mailto:a@b', 'data:text/html,x', '   ', 'tel:123', '//', 'http://a b/', 'ok'];
    const server = await serve.http(siteHandler({ '/': htmlPage(hrefs), '/ok': htmlPage([]) }));
    const { records } = await crawl([`${server.origin}/`]);
    expect(records.map((record) => new URL(record.url).pathname)).toEqual(['/', '/ok']);
  });

  it('a page of 100 000 links is scanned as it streams, and maxPages bounds what is measured', async () => {
    const links = Array.from({ length: 100_000 }, (_, index) => `<a href="/p/${index}">${index}</a>`).join('');
    const server = await serve.http(siteHandler({ '/': { body: `<html><body>${links}</body></html>`, type: 'text/html' } }));
    const { records } = await crawl([`${server.origin}/`], { maxPages: 50 });
    expect(records).toHaveLength(50);
    expect(records.map((record) => record.index)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(records.slice(1).map((record) => new URL(record.url).pathname)).toEqual(Array.from({ length: 49 }, (_, index) => `/p/${index}`));
  });

  it('reads only the first 500 KiB of a robots.txt of 10 MB, with a warning', async () => {
    const filler = `# ${'x'.repeat(1000)}\n`.repeat(10 * 1024);
    const robots = `User-agent: *\nDisallow: /blocked\n${filler}Disallow: /late\n`;
    const server = await serve.http(
      siteHandler({
        '/robots.txt': { body: robots, type: 'text/plain' },
        '/': htmlPage(['blocked', 'late', 'open']),
        '/open': htmlPage([]),
        '/late': htmlPage([]),
      }),
    );
    const { records, warnings } = await crawl([`${server.origin}/`]);
    expect(records.map((record) => new URL(record.url).pathname).sort()).toEqual(['/', '/late', '/open']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('only that much of it is read');
  });

  it('follows no link of an origin whose robots.txt answers 503, with a warning', async () => {
    const server = await serve.http(
      siteHandler({ '/robots.txt': { body: 'busy', status: 503 }, '/': htmlPage(['a']), '/a': htmlPage([]) }),
    );
    const { records, warnings } = await crawl([`${server.origin}/`]);
    expect(records.map((record) => new URL(record.url).pathname)).toEqual(['/']);
    expect(warnings[0]).toContain('answered 503');
  });
});
