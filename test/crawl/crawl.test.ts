import { describe, expect, it } from 'vitest';
import type { CrawlReport, MeasureOptions, SizeRecord } from '../../src/index.js';
import { inShard } from '../../src/input/shard.js';
import { measure } from '../../src/index.js';
import { collect } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { htmlPage, siteHandler, sizeOf, type SitePage } from '../helpers/site.js';

const serve = useServers();

interface Crawled {
  records: SizeRecord[];
  byPath: Map<string, SizeRecord>;
  report: CrawlReport;
  warnings: string[];
}

async function crawl(start: string | string[], options: MeasureOptions = {}): Promise<Crawled> {
  let report: CrawlReport | undefined;
  const warnings: string[] = [];
  const records = await collect(Array.isArray(start) ? start : [start], {
    crawl: true,
    onCrawlEnd: (end) => (report = end),
    onWarning: (message) => warnings.push(message),
    ...options,
  });
  if (report === undefined) throw new Error('no crawl report');
  const byPath = new Map(records.map((record) => [new URL(record.url).pathname + new URL(record.url).search, record]));
  return { records, byPath, report, warnings };
}

function paths(records: readonly SizeRecord[]): string[] {
  return records.map((record) => {
    const url = new URL(record.url);
    return url.pathname + url.search;
  });
}

describe('measure() with crawl: true', () => {
  it('measures every page in scope once, numbered in the order found, with depth and linkedFrom', async () => {
    const start = htmlPage([
      'a.html',
      'b.html',
      '/docs/a.html#top',
      'a.html?utm_source=x&gclid=1',
      '../outside.html',
      'mailto:x@example.com',
      'javascript:void(0)',
    ]);
    const a = htmlPage(['b.html', '/docs/', 'missing.html']);
    const b = htmlPage(['image.png', 'b.html']);
    const image: SitePage = { body: Buffer.alloc(300, 1), type: 'image/png' };
    const server = await serve.http(
      siteHandler({
        '/docs/': start,
        '/docs/a.html': a,
        '/docs/b.html': b,
        '/docs/image.png': image,
        '/robots.txt': { body: 'none', status: 404 },
      }),
    );
    const { records, byPath, report } = await crawl(`${server.origin}/docs/`);

    expect(records.map((record) => record.index)).toEqual([0, 1, 2, 3, 4]);
    expect(paths(records.slice(0, 3))).toEqual(['/docs/', '/docs/a.html', '/docs/b.html']);
    expect(paths(records.slice(3)).sort()).toEqual(['/docs/image.png', '/docs/missing.html']);
    expect(byPath.get('/docs/')).toMatchObject({
      url: `${server.origin}/docs/`,
      depth: 0,
      linkedFrom: null,
      bytes: sizeOf(start),
      status: 200,
    });
    expect(byPath.get('/docs/a.html')).toMatchObject({ depth: 1, linkedFrom: `${server.origin}/docs/`, bytes: sizeOf(a) });
    expect(byPath.get('/docs/image.png')).toMatchObject({ depth: 2, linkedFrom: `${server.origin}/docs/b.html`, bytes: 300 });
    expect(byPath.get('/docs/missing.html')).toMatchObject({ status: 404, bytes: 9, error: null, depth: 2 });
    // The crawl's keys come last, after the usual ones.
    expect(Object.keys(records[0] ?? {}).slice(-2)).toEqual(['depth', 'linkedFrom']);
    expect(server.requests.map((request) => request.url).sort()).toEqual(
      ['/docs/', '/docs/a.html', '/docs/b.html', '/docs/image.png', '/docs/missing.html', '/robots.txt'].sort(),
    );
    expect(report).toMatchObject({ stoppedBy: null, outOfScope: 1, disallowed: 0, unvisited: 0 });
    expect(report.referrers(`${server.origin}/docs/b.html`)).toBeGreaterThanOrEqual(2);
  });

  it('follows --scope prefixes, measures a redirect out of scope without following it, and one URL once', async () => {
    const server = await serve.http(
      siteHandler({
        '/docs/': htmlPage(['/docs/go', '/docs/moved', '/blog/post.html', '/other/x.html']),
        '/docs/go': { body: '', status: 302, headers: { location: '/elsewhere/page.html' } },
        '/elsewhere/page.html': htmlPage(['/docs/never.html', '/elsewhere/never.html']),
        '/docs/moved': { body: '', status: 301, headers: { location: '/docs/target.html' } },
        '/docs/target.html': htmlPage(['/docs/', '/docs/target.html']),
        '/blog/post.html': htmlPage([]),
      }),
    );
    const { byPath, records } = await crawl(`${server.origin}/docs/`, { scope: [`${server.origin}/docs/`, `${server.origin}/blog/`] });
    expect(byPath.get('/docs/go')).toMatchObject({ status: 200, redirects: 1, finalUrl: `${server.origin}/elsewhere/page.html` });
    expect(byPath.has('/blog/post.html')).toBe(true);
    const requested = server.requests.map((request) => request.url);
    expect(requested).not.toContain('/docs/never.html');
    expect(requested).not.toContain('/other/x.html');
    // /docs/target.html was measured as /docs/moved: its link to itself is not measured again.
    expect(requested.filter((url) => url === '/docs/target.html')).toHaveLength(1);
    expect(byPath.has('/docs/target.html')).toBe(false);
    expect(records.map((record) => record.index)).toEqual(records.map((_, index) => index));
  });

  it('obeys robots.txt for sitesize, yet measures a disallowed start URL', async () => {
    const robots = ['User-agent: *', 'Disallow: /', '', 'User-agent: sitesize', 'Disallow: /docs/secret', 'Disallow: /docs/start'].join(
      '\n',
    );
    const server = await serve.http(
      siteHandler({
        '/robots.txt': { body: robots, type: 'text/plain' },
        '/docs/start.html': htmlPage(['secret/a.html', 'open.html']),
        '/docs/open.html': htmlPage(['secret/b.html']),
      }),
    );
    const { records, report } = await crawl(`${server.origin}/docs/start.html`);
    expect(paths(records)).toEqual(['/docs/start.html', '/docs/open.html']);
    expect(report.disallowed).toBe(2);
    expect(server.requests.filter((request) => request.url === '/robots.txt')).toHaveLength(1);
    expect(server.requests.map((request) => request.url)).not.toContain('/docs/secret/a.html');
  });

  it('ignores robots.txt with robots: false', async () => {
    const server = await serve.http(
      siteHandler({ '/robots.txt': { body: 'User-agent: *\nDisallow: /', type: 'text/plain' }, '/': htmlPage(['a']), '/a': htmlPage([]) }),
    );
    const { records } = await crawl(`${server.origin}/`, { robots: false });
    expect(paths(records)).toEqual(['/', '/a']);
    expect(server.requests.map((request) => request.url)).not.toContain('/robots.txt');
  });

  it('keeps the Crawl-delay between the starts of an origin’s pages', async () => {
    const starts: number[] = [];
    const pages = siteHandler({
      '/robots.txt': { body: 'User-agent: *\nCrawl-delay: 0.2', type: 'text/plain' },
      '/': htmlPage(['a', 'b', 'c']),
      '/a': htmlPage([]),
      '/b': htmlPage([]),
      '/c': htmlPage([]),
    });
    const server = await serve.http((request, response) => {
      if (request.url !== '/robots.txt') starts.push(performance.now());
      pages(request, response);
    });
    const { records } = await crawl(`${server.origin}/`, { concurrency: 10, perHost: 10 });
    expect(records).toHaveLength(4);
    const gaps = starts.slice(1).map((at, index) => at - (starts[index] ?? 0));
    // The tool enforces the gap on its side; the server sees it less a little jitter.
    for (const gap of gaps) expect(gap).toBeGreaterThan(180);
  });

  it('uses at most 4 requests in flight per origin unless perHost says otherwise', async () => {
    const links = Array.from({ length: 30 }, (_, index) => `/p/${index}`);
    const site = siteHandler({ '/': htmlPage(links) });
    const slow = async (perHost?: number): Promise<number> => {
      const server = await serve.http((request, response) => {
        setTimeout(() => {
          site(request, response);
        }, 20);
      });
      const { records } = await crawl(`${server.origin}/`, { concurrency: 20, ...(perHost === undefined ? {} : { perHost }) });
      expect(records).toHaveLength(31);
      return server.inFlight.peak;
    };
    expect(await slow()).toBeLessThanOrEqual(4);
    expect(await slow(12)).toBeLessThanOrEqual(12);
  });

  it('stops at maxPages and says so, and an infinite calendar with it', async () => {
    const server = await serve.http((request, response) => {
      const month = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('month') ?? 0);
      siteHandler({ [request.url ?? '/']: htmlPage([`/cal?month=${month + 1}`, `/cal?month=${month + 2}`]) })(request, response);
    });
    const { records, report } = await crawl(`${server.origin}/cal?month=0`, { maxPages: 7 });
    expect(records).toHaveLength(7);
    expect(records.map((record) => record.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(report.stoppedBy).toBe('max-pages');
    expect(server.requests.filter((request) => request.url.startsWith('/cal'))).toHaveLength(7);
  });

  it('stops at depth and says so', async () => {
    const server = await serve.http((request, response) => {
      const month = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('month') ?? 0);
      siteHandler({ [request.url ?? '/']: htmlPage([`/cal?month=${month + 1}`]) })(request, response);
    });
    const { records, report } = await crawl(`${server.origin}/cal?month=0`, { depth: 3 });
    expect(records.map((record) => record.depth)).toEqual([0, 1, 2, 3]);
    expect(report.stoppedBy).toBe('depth');
    const whole = await crawl(`${server.origin}/cal?month=0`, { depth: 3, maxPages: 4 });
    expect(whole.records).toHaveLength(4);
  });

  it('records broken links with their error, and counts the pages linking to them', async () => {
    const server = await serve.http(
      siteHandler({
        '/': htmlPage(['/a', '/b', '/c', '/gone']),
        '/a': htmlPage(['/gone', '/gone#x']),
        '/b': htmlPage(['/gone', '/hang']),
        '/c': htmlPage(['/gone']),
        '/gone': { body: 'gone', status: 410, type: 'text/plain' },
        '/hang': () => ({ body: '', status: 0 }),
      }),
    );
    const { byPath, report } = await crawl(`${server.origin}/`, { timeout: 0.5 });
    expect(byPath.get('/gone')).toMatchObject({ status: 410, bytes: 4, linkedFrom: `${server.origin}/` });
    expect(byPath.get('/hang')).toMatchObject({ status: null, error: { code: 'TIMEOUT' }, linkedFrom: `${server.origin}/b` });
    expect(report.referrers(`${server.origin}/gone`)).toBe(4);
  });

  it('applies shard to the start URLs, and yields pages in index order with ordered: true', async () => {
    const site = siteHandler({ '/': htmlPage(['a', 'b', 'c']), '/a': htmlPage([]), '/b': htmlPage([]), '/c': htmlPage([]) });
    const one = await serve.http(site);
    const two = await serve.http(site);
    const starts = [`${one.origin}/`, `${two.origin}/`];
    const shard = { k: 1, n: 2 };
    const { records } = await crawl(starts, { shard });
    const origins = new Set(records.map((record) => new URL(record.url).origin));
    expect([...origins]).toEqual(starts.filter((start) => inShard(start, shard)).map((start) => new URL(start).origin));

    const indexes: number[] = [];
    for await (const record of measure(starts, { crawl: true, ordered: true })) indexes.push(record.index);
    expect(indexes).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('sends the credentials of a start URL to the pages of its origin, and shows them nowhere', async () => {
    const site = siteHandler({ '/': htmlPage(['a']), '/a': htmlPage([]) });
    const expected = `Basic ${Buffer.from('user:secret').toString('base64')}`;
    const server = await serve.http((request, response) => {
      if (request.url !== '/robots.txt' && request.headers.authorization !== expected) response.writeHead(401).end('who?');
      else site(request, response);
    });
    const { records } = await crawl(`http://user:secret@127.0.0.1:${server.port}/`);
    expect(records.map((record) => [record.url, record.status])).toEqual([
      [`${server.origin}/`, 200],
      [`${server.origin}/a`, 200],
    ]);
  });
});
