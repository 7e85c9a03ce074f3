import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CrawlReport, SizeRecord } from '../../src/index.js';
import { collect } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { htmlPage, siteHandler } from '../helpers/site.js';

const serve = useServers();
const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const urlset = (locs: readonly string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${ns}">${locs.map((loc) => `<url><loc>${loc}</loc></url>`).join('')}</urlset>`;
const sitemapIndex = (locs: readonly string[]): string =>
  `<?xml version="1.0"?><sitemapindex xmlns="${ns}">${locs.map((loc) => `<sitemap><loc>${loc}</loc></sitemap>`).join('')}</sitemapindex>`;

async function crawl(
  start: string,
  sitemap = true,
): Promise<{ records: SizeRecord[]; warnings: string[]; report: CrawlReport | undefined }> {
  const warnings: string[] = [];
  let report: CrawlReport | undefined;
  const records = await collect([start], {
    crawl: true,
    sitemap,
    onWarning: (message) => warnings.push(message),
    onCrawlEnd: (end) => (report = end),
  });
  return { records, warnings, report };
}

describe('crawl with sitemap: true', () => {
  it('seeds from the sitemaps robots.txt names: index files and gzip’d sitemaps, entries out of scope skipped', async () => {
    let origin = '';
    const server = await serve.http((request, response) => {
      siteHandler({
        '/robots.txt': { body: `User-agent: *\nDisallow: /docs/private\nSitemap: ${origin}/maps/index.xml\n`, type: 'text/plain' },
        '/maps/index.xml': {
          body: sitemapIndex([`${origin}/maps/one.xml`, `${origin}/maps/two.xml.gz`, `${origin}/maps/index.xml`]),
          type: 'application/xml',
        },
        '/maps/one.xml': {
          body: urlset([`${origin}/docs/from-map.html`, `${origin}/elsewhere.html`, `${origin}/docs/private/x.html`]),
          type: 'application/xml',
        },
        '/maps/two.xml.gz': { body: gzipSync(urlset([`${origin}/docs/zipped.html`, `${origin}/docs/`])), type: 'application/gzip' },
        '/docs/': htmlPage(['linked.html']),
        '/docs/linked.html': htmlPage([]),
        '/docs/from-map.html': htmlPage(['linked.html']),
        '/docs/zipped.html': htmlPage([]),
      })(request, response);
    });
    origin = server.origin;
    const { records, warnings, report } = await crawl(`${origin}/docs/`);
    const byPath = new Map(records.map((record) => [new URL(record.url).pathname, record]));
    expect([...byPath.keys()].sort()).toEqual(['/docs/', '/docs/from-map.html', '/docs/linked.html', '/docs/zipped.html']);
    expect(byPath.get('/docs/from-map.html')).toMatchObject({ depth: 1, linkedFrom: `${origin}/maps/one.xml` });
    expect(byPath.get('/docs/zipped.html')).toMatchObject({ depth: 1, linkedFrom: `${origin}/maps/two.xml.gz` });
    expect(records.map((record) => record.index)).toEqual(records.map((_, index) => index));
    expect(warnings).toEqual([]);
    expect(report?.disallowed).toBe(1);
    // The index that lists itself is read once.
    expect(server.requests.filter((request) => request.url === '/maps/index.xml')).toHaveLength(1);
  });

  it('falls back to /sitemap.xml, and reads no sitemap without sitemap: true', async () => {
    let origin = '';
    const server = await serve.http((request, response) => {
      siteHandler({
        '/sitemap.xml': { body: urlset([`${origin}/only-in-map`]), type: 'text/xml' },
        '/': htmlPage([]),
        '/only-in-map': htmlPage([]),
      })(request, response);
    });
    origin = server.origin;
    expect((await crawl(`${origin}/`)).records.map((record) => record.url)).toEqual([`${origin}/`, `${origin}/only-in-map`]);
    server.requests.length = 0;
    expect((await crawl(`${origin}/`, false)).records).toHaveLength(1);
    expect(server.requests.map((request) => request.url)).not.toContain('/sitemap.xml');
  });

  it('warns about a sitemap that is not XML, and crawls on', async () => {
    const server = await serve.http(
      siteHandler({ '/sitemap.xml': { body: '{"not": "xml"}', type: 'application/json' }, '/': htmlPage(['a']), '/a': htmlPage([]) }),
    );
    const { records, warnings } = await crawl(`${server.origin}/`);
    expect(records).toHaveLength(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('is not a sitemap');
  });

  it('stops gunzipping a sitemap bomb at 50 MiB, keeping the entries before', async () => {
    let bomb = Buffer.alloc(0);
    const server = await serve.http((request, response) => {
      const page = request.url === '/sitemap.xml' ? { body: bomb, type: 'application/x-gzip' } : undefined;
      siteHandler({ '/': htmlPage([]), '/in-bomb': htmlPage([]), ...(page ? { '/sitemap.xml': page } : {}) })(request, response);
    });
    // One entry, then 200 MiB of spaces: gzip'd as a stream to a few hundred KiB.
    const padding = Buffer.alloc(1024 * 1024, ' ');
    const head = `<?xml version="1.0"?><urlset xmlns="${ns}"><url><loc>${server.origin}/in-bomb</loc></url>`;
    const document = async function* (): AsyncGenerator<Buffer> {
      yield Buffer.from(head);
      for (let mebibyte = 0; mebibyte < 200; mebibyte++) yield padding;
    };
    bomb = await buffer(Readable.from(document()).pipe(createGzip({ level: 9 })));
    expect(bomb.length).toBeLessThan(1024 * 1024);

    const { records, warnings } = await crawl(`${server.origin}/`);
    expect(records.map((record) => new URL(record.url).pathname)).toEqual(['/', '/in-bomb']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('more than 50 MiB');
  });
});
