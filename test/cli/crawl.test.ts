import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SizeRecord } from '../../src/index.js';
import { useTempFolder } from '../helpers/files.js';
import { parseLines, runCli, startCli } from '../helpers/run.js';
import { useServers, type TestServer } from '../helpers/servers.js';
import { htmlPage, siteHandler } from '../helpers/site.js';
import { waitFor } from '../helpers/wait.js';

const files = useTempFolder('crawl');
const serve = useServers();

const lineCount = (path: string): number => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

// A site of `count` pages, /p/0 to /p/(count-1), each linking to its two
// children in a binary tree, to its parent and to /p/0, so that every page is
// found more than once; pages of `held` wait until `release()`.
async function treeSite(
  count: number,
  held: (page: number) => boolean = () => false,
): Promise<{ server: TestServer; release: () => void }> {
  let holding = true;
  const waiting: (() => void)[] = [];
  const server = await serve.http((request, response) => {
    const match = /^\/p\/(\d+)$/.exec(request.url ?? '');
    const page = Number(match?.[1] ?? -1);
    const answer = (): void => {
      if (page < 0 || page >= count) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('none');
        return;
      }
      const links = [2 * page + 1, 2 * page + 2].filter((child) => child < count).map((child) => `/p/${child}`);
      const { body, type } = htmlPage([...links, `/p/${page >> 1}`, '/p/0']);
      response.writeHead(200, { 'content-type': type ?? 'text/html' }).end(body);
    };
    if (holding && held(page)) waiting.push(answer);
    else answer();
  });
  const release = (): void => {
    holding = false;
    for (const answer of waiting.splice(0)) answer();
  };
  return { server, release };
}

const pathOf = (record: SizeRecord): string => new URL(record.url).pathname;

describe('sitesize --crawl', () => {
  it('writes one record per page with depth and linkedFrom, the site on stderr, and --summary-json', async () => {
    const { server } = await treeSite(15);
    const output = files.path('site.jsonl');
    const summary = files.path('site.json');
    const result = await runCli([
      '--crawl',
      `${server.origin}/p/0`,
      '--scope',
      `${server.origin}/p/`,
      '-o',
      output,
      '--summary-json',
      summary,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const records = parseLines(readFileSync(output, 'utf8'));
    expect(records.map(pathOf).sort()).toEqual(Array.from({ length: 15 }, (_, page) => `/p/${page}`).sort());
    expect(records.map((record) => record.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, index) => index));
    expect(records.find((record) => pathOf(record) === '/p/6')).toMatchObject({ depth: 2, linkedFrom: `${server.origin}/p/2` });
    expect(result.stderr).toMatch(/^sitesize: site: 15 pages, [\d.]+ KiB transferred, 0 broken links$/m);

    const json = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'urls',
      'ok',
      'failed',
      'errors',
      'bytes',
      'encodedBytes',
      'elapsedSeconds',
      'urlsPerSecond',
      'interrupted',
      'site',
    ]);
    const bytes = records.reduce((sum, record) => sum + (record.bytes ?? 0), 0);
    const transfer = records.reduce((sum, record) => sum + (record.headerBytes ?? 0) + (record.encodedBytes ?? 0), 0);
    expect(json).toMatchObject({ urls: 15, ok: 15, failed: 0, errors: {}, bytes, encodedBytes: bytes, interrupted: false });
    expect(json.site).toEqual({
      pages: 15,
      brokenLinks: 0,
      pageTransferBytes: transfer,
      uniqueTransferBytes: transfer,
      stoppedBy: null,
      outOfScope: 0,
      disallowed: 0,
      unvisited: 0,
      broken: [],
    });
  });

  it('with --page, counts a subresource that every page uses once in uniqueTransferBytes', async () => {
    const assets = '<link rel="stylesheet" href="/s.css"><img src="/i.png" alt="">';
    const server = await serve.http(
      siteHandler({
        '/': htmlPage(['/a', '/b'], assets),
        '/a': htmlPage(['/'], assets),
        '/b': htmlPage(['/a'], assets),
        '/s.css': { body: 'p{margin:0}', type: 'text/css' },
        '/i.png': { body: Buffer.alloc(3000, 7), type: 'image/png' },
      }),
    );
    const summary = files.path('page-site.json');
    const result = await runCli(['--crawl', `${server.origin}/`, '--page', '-q', '--summary-json', summary]);
    expect(result.code, result.stderr).toBe(0);
    const records = parseLines(result.stdout);
    expect(records.map(pathOf).sort()).toEqual(['/', '/a', '/b']);
    const pageOf = (record: SizeRecord): NonNullable<SizeRecord['page']> => record.page ?? expect.fail(`no page for ${record.url}`);
    for (const record of records) expect(pageOf(record).requests).toBe(3);
    const documents = records.reduce((sum, record) => sum + (record.headerBytes ?? 0) + (record.encodedBytes ?? 0), 0);
    const { types } = pageOf(records[0] as SizeRecord);
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { site: { pageTransferBytes: number; uniqueTransferBytes: number } };
    expect(json.site.pageTransferBytes).toBe(records.reduce((sum, record) => sum + pageOf(record).transferBytes, 0));
    expect(json.site.uniqueTransferBytes).toBe(documents + types.stylesheet.transferBytes + types.image.transferBytes);
    expect(json.site.uniqueTransferBytes).toBeLessThan(json.site.pageTransferBytes - 2 * 3000);
  });

  it('says when --max-pages stopped the crawl, and lists broken links with their referrers', async () => {
    const server = await serve.http(
      siteHandler({ '/': htmlPage(['a', 'b', 'gone']), '/a': htmlPage(['gone', 'c']), '/b': htmlPage(['gone']), '/c': htmlPage([]) }),
    );
    const summary = files.path('bounded.json');
    const result = await runCli(['--crawl', `${server.origin}/`, '--max-pages', '4', '--summary-json', summary]);
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout)).toHaveLength(4);
    expect(result.stderr).toContain('1 broken link; stopped by --max-pages');
    expect(result.stderr).toContain(`broken: 404 ${server.origin}/gone (linked from 3 pages, first ${server.origin}/)`);
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { site: { stoppedBy: string; broken: unknown[] } };
    expect(json.site.stoppedBy).toBe('max-pages');
    expect(json.site.broken).toEqual([
      { url: `${server.origin}/gone`, status: 404, code: null, linkedFrom: `${server.origin}/`, referrers: 3 },
    ]);
  });

  it('after SIGINT: exit 130, whole records, and a summary that says it was interrupted', async () => {
    const { server } = await treeSite(31, (page) => page >= 3);
    // Pages 3 to 6 are held in flight when the run is interrupted.
    const output = files.path('interrupted-crawl.jsonl');
    const summary = files.path('interrupted-crawl.json');
    const run = startCli(['--crawl', `${server.origin}/p/0`, '-o', output, '--summary-json', summary]);
    await waitFor(() => lineCount(output) >= 3 && server.inFlight.current >= 4, 'three records and four held pages');
    run.child.kill('SIGINT');
    const result = await run.result;
    expect(result.code, result.stderr).toBe(130);
    expect(parseLines(readFileSync(output, 'utf8')).map(pathOf).sort()).toEqual(['/p/0', '/p/1', '/p/2']);
    const json = JSON.parse(readFileSync(summary, 'utf8')) as { interrupted: boolean; urls: number; site: { pages: number } };
    expect(json).toMatchObject({ interrupted: true, urls: 3, site: { pages: 3 } });
    expect(result.stderr).toContain('4 pages found and not measured');
  });

  it('--summary-json works for lists too, without the site key', async () => {
    const server = await serve.http(siteHandler({ '/': htmlPage([]) }));
    const summary = files.path('list.json');
    const result = await runCli([`${server.origin}/`, `${server.origin}/missing`, 'ftp://x.invalid/', '-q', '--summary-json', summary]);
    expect(result.code).toBe(1);
    const json = JSON.parse(readFileSync(summary, 'utf8')) as Record<string, unknown>;
    expect(json).toMatchObject({ urls: 3, ok: 2, failed: 1, errors: { UNSUPPORTED_PROTOCOL: 1 }, interrupted: false });
    expect(json).not.toHaveProperty('site');
  });

  it.each([
    [['--scope', 'https://example.com/']],
    [['--sitemap']],
    [['--depth', '2']],
    [['--no-robots']],
    [['--crawl', '--scope', 'ftp://example.com/']],
    [['--crawl', '--max-pages', '0']],
    [['--crawl', '--depth', '-1']],
  ])('%j is a usage error', async (args) => {
    const result = await runCli([...args, 'http://127.0.0.1:1/']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^[^\n]+\n$/);
  });

  it('--help has a Crawls group that tells the per-origin default', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toContain('Crawls:');
    // Commander wraps the help to the terminal's width.
    expect(result.stdout.replace(/\s+/g, ' ')).toContain('4 requests per origin unless --per-host');
    for (const flag of ['--scope <prefix>', '--no-robots', '--sitemap', '--max-pages <n>', '--depth <n>', '--summary-json <file>']) {
      expect(result.stdout).toContain(flag);
    }
  });

  it('--resume after SIGKILL: each page measured once in all, the same pages found, numbering continued', async () => {
    const count = 63;
    const { server, release } = await treeSite(count, (page) => page >= 7 && page % 5 === 0);
    const output = files.path('killed-crawl.jsonl');
    const args = ['--crawl', `${server.origin}/p/0`, '--scope', `${server.origin}/p/`, '-o', output, '-c', '4'];
    const first = startCli(args, { timeoutMs: 15_000 });
    await waitFor(() => lineCount(output) >= 10 && server.inFlight.current >= 4, 'some records and four held pages');
    first.child.kill('SIGKILL');
    expect((await first.result).signal).toBe('SIGKILL');
    const killed = readFileSync(output, 'utf8');
    const kept = parseLines(killed.slice(0, killed.lastIndexOf('\n') + 1));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(count);

    release();
    const resumed = await runCli([...args, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const records = parseLines(readFileSync(output, 'utf8'));
    expect(records.map(pathOf).sort()).toEqual(Array.from({ length: count }, (_, page) => `/p/${page}`).sort());
    const indexes = records.map((record) => record.index);
    expect(new Set(indexes).size).toBe(records.length);
    const keptMax = Math.max(...kept.map((record) => record.index));
    for (const record of records.slice(kept.length)) expect(record.index).toBeGreaterThan(keptMax);
    expect(resumed.stderr).toContain(`${kept.length} records kept`);
    expect(resumed.stderr).toContain(`site: ${count - kept.length} pages`);
  });
});
