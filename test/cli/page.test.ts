import { describe, expect, it } from 'vitest';
import { parseHar } from '../helpers/har-checks.js';
import { parseLines, recordKeys, runCli } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';
import { html, startSite, typed } from '../helpers/raw-site.js';

const serve = useServers();

describe('sitesize --page (the built CLI)', () => {
  it('writes one jsonl record per URL with its page, and exits 0 when only subresources fail', async () => {
    const refused = await closedPort();
    const site = await startSite(serve, {
      '/': html(`<script src="/app.js"></script><img src="http://127.0.0.1:${refused}/gone.png">`),
      '/b': html('<p>no subresources</p>'),
      '/app.js': typed('text/javascript', 'app()'),
    });
    const { code, stdout, stderr } = await runCli(['--page', '-q', `${site.origin}/`, `${site.origin}/b`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const records = parseLines(stdout).sort((a, b) => a.index - b.index);
    expect(records).toHaveLength(2);
    for (const record of records) expect(Object.keys(record)).toEqual([...recordKeys, 'page']);
    expect(records[0]?.page).toMatchObject({
      requests: 3,
      transferBytes: site.transfer('/', '/app.js'),
      failed: 1,
      errors: { CONNECT_REFUSED: 1 },
      incomplete: false,
    });
    expect(records[0]?.page?.types.script).toEqual({ requests: 1, transferBytes: site.transfer('/app.js'), bytes: 5 });
    expect(records[1]?.page?.requests).toBe(1);
  });

  it('exits 1 when a document fails, and takes --device, --max-resources and --no-asset-cache', async () => {
    const refused = await closedPort();
    const site = await startSite(serve, {
      '/': html('<img src="/1.png"><img src="/2.png"><img src="/3.png">'),
    });
    const args = ['-p', '--device', 'desktop', '--max-resources', '2', '--no-asset-cache', '-q'];
    const { code, stdout } = await runCli([...args, `${site.origin}/`, `${site.origin}/`, `http://127.0.0.1:${refused}/`]);
    expect(code).toBe(1);
    const records = parseLines(stdout).sort((a, b) => a.index - b.index);
    expect(records.map((record) => [record.page?.requests, record.page?.incomplete, record.error?.code ?? null])).toEqual([
      [3, true, null],
      [3, true, null],
      [1, false, 'CONNECT_REFUSED'],
    ]);
    expect(site.hits('/1.png')).toBe(2);
  });

  it('refuses a bad --device or --max-resources with exit 2, and lists the Pages options in --help', async () => {
    const device = await runCli(['--page', '--device', 'tablet', 'http://127.0.0.1:1/']);
    expect(device.code).toBe(2);
    expect(device.stderr.trim().split('\n')).toHaveLength(1);
    const resources = await runCli(['--page', '--max-resources', '-1', 'http://127.0.0.1:1/']);
    expect(resources.code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/Pages:\n\s+-p, --page/);
    for (const option of ['--device <device>', '--max-resources <n>', '--no-asset-cache']) expect(help.stdout).toContain(option);
  });

  it('writes -f har with a page per URL and an entry per request, cache hits included', async () => {
    const site = await startSite(serve, {
      '/a': html('<link rel="stylesheet" href="/s.css"><img src="/moved.png">'),
      '/b': html('<link rel="stylesheet" href="/s.css">'),
      '/s.css': typed('text/css', 'body { color: red }'),
      '/moved.png': { status: 302, reason: 'Found', headers: [['Location', '/i.png']], body: '' },
      '/i.png': typed('image/png', 'PNG'),
    });
    const { code, stdout } = await runCli(['--page', '-f', 'har', '-q', '-c', '1', `${site.origin}/a`, `${site.origin}/b`]);
    expect(code).toBe(0);
    const { pages, entries } = parseHar(stdout);
    expect(pages).toHaveLength(2);
    const urlOf = (entry: (typeof entries)[number]): string => (entry.request as { url: string }).url;
    const paths = entries.map((entry) => new URL(urlOf(entry)).pathname).sort();
    expect(paths).toEqual(['/a', '/b', '/i.png', '/moved.png', '/s.css', '/s.css']);
    const sheets = entries.filter((entry) => urlOf(entry).endsWith('/s.css'));
    expect(sheets.map((entry) => entry._fromCache === true).sort()).toEqual([false, true]);
    expect(site.hits('/s.css')).toBe(1);
    // The entries of a page add up to its weight, hops included.
    const [record] = parseLines((await runCli(['--page', '-q', `${site.origin}/a`])).stdout);
    const ofA = entries.filter((entry) => entry.pageref === pages.find((page) => String(page.title).endsWith('/a'))?.id);
    expect(ofA).toHaveLength(4);
    const transfer = ofA.reduce((sum, entry) => sum + (entry.response as { _transferSize: number })._transferSize, 0);
    expect(transfer).toBe(record?.page?.transferBytes);
  });
});
