import { describe, expect, it } from 'vitest';
import { collect } from '../helpers/run.js';
import { html, startSite, typed } from '../helpers/raw-site.js';
import { useServers } from '../helpers/servers.js';

const serve = useServers();

describe('a crawl with page: true', () => {
  it('weighs every page it finds with its subresources, each shared one fetched once', async () => {
    const site = await startSite(serve, {
      '/': html('<a href="/b">b</a><img src="/i.png"><link rel="stylesheet" href="/s.css">'),
      '/b': html('<img src="/i.png"><img src="/only-b.png">'),
      '/i.png': typed('image/png', 'PNG'),
      '/only-b.png': typed('image/png', 'PNG-b'),
      '/s.css': typed('text/css', 'a { color: red }'),
    });
    const records = await collect([`${site.origin}/`], { crawl: true, page: true });
    expect(records.map((record) => [record.url, record.depth, record.page?.requests])).toEqual([
      [`${site.origin}/`, 0, 3],
      [`${site.origin}/b`, 1, 3],
    ]);
    expect(Object.keys(records[1] ?? {}).slice(-3)).toEqual(['depth', 'linkedFrom', 'page']);
    expect(site.hits('/i.png')).toBe(1);
    expect(site.hits('/b')).toBe(1);
  });
});
