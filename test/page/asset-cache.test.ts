import { describe, expect, it } from 'vitest';
import type { RequestEntry } from '../../src/index.js';
import { AssetCache, type FetchedResource } from '../../src/page/asset-cache.js';
import { collect } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { html, startSite, typed, type Site } from '../helpers/raw-site.js';

const serve = useServers();

// Two pages of the same size that share a stylesheet (with an import and an image) and a script.
async function startSharingSite(): Promise<Site> {
  const page = (name: string): string => `<link rel="stylesheet" href="/shared.css"><script src="/s.js"></script><p>${name}</p>`;
  return startSite(serve, {
    '/p1': html(page('one')),
    '/p2': html(page('two')),
    '/shared.css': typed('text/css', '@import "/imp.css"; p { background: url(/bg.png) }'),
    '/imp.css': typed('text/css', 'body { color: red }'),
    '/bg.png': typed('image/png', 'PNG'),
    '/s.js': typed('text/javascript', 'run()'),
  });
}

const shared = ['/shared.css', '/imp.css', '/bg.png', '/s.js'];

describe('the asset cache', () => {
  it('fetches a resource shared by pages once and counts it in each page', async () => {
    const site = await startSharingSite();
    const entries: RequestEntry[] = [];
    const urls = [`${site.origin}/p1`, `${site.origin}/p2`];
    const records = await collect(urls, { page: true, onRequest: (entry) => entries.push(entry) });
    for (const path of shared) expect(site.hits(path), path).toBe(1);
    const weight = site.transfer('/p1', ...shared);
    expect(records.map((record) => [record.page?.requests, record.page?.transferBytes])).toEqual([
      [5, weight],
      [5, weight],
    ]);
    const ofSheet = entries.filter((entry) => entry.url === `${site.origin}/shared.css`);
    expect(ofSheet.map((entry) => entry.fromCache).sort()).toEqual([false, true]);
    expect(new Set(ofSheet.map((entry) => entry.index))).toEqual(new Set([0, 1]));
    expect(ofSheet.every((entry) => entry.encodedBytes === site.bodyBytes('/shared.css'))).toBe(true);
  });

  it('fetches everything again for every page with assetCache false', async () => {
    const site = await startSharingSite();
    const records = await collect([`${site.origin}/p1`, `${site.origin}/p2`], { page: true, assetCache: false, concurrency: 1 });
    for (const path of shared) expect(site.hits(path), path).toBe(2);
    expect(records.map((record) => record.page?.requests)).toEqual([5, 5]);
  });

  it('drops the least recently used entries past its capacity', async () => {
    const cache = new AssetCache(2);
    let fetches = 0;
    const fetch = (): Promise<FetchedResource> => {
      fetches += 1;
      return Promise.resolve({ exchanges: [], error: null });
    };
    const take = async (key: string): Promise<boolean> => {
      const taken = cache.take(key, fetch);
      await taken.resource;
      return taken.cached;
    };
    expect(await take('a')).toBe(false);
    expect(await take('b')).toBe(false);
    expect(await take('a')).toBe(true);
    expect(await take('c')).toBe(false);
    // b was the least recently used, so it went; a stayed.
    expect(await take('a')).toBe(true);
    expect(await take('b')).toBe(false);
    expect(fetches).toBe(4);
  });

  it('weighs a stylesheet scan by its items, and refetches one that was dropped', async () => {
    const cache = new AssetCache(3);
    const sheet: FetchedResource = {
      exchanges: [],
      error: null,
      stylesheet: {
        imports: ['http://a/1.css', 'http://a/2.css'],
        images: [],
        faces: [],
        families: [],
        variableImages: [],
        variableUses: [],
      },
    };
    await cache.take('sheet', () => Promise.resolve(sheet)).resource;
    await cache.take('other', () => Promise.resolve({ exchanges: [], error: null })).resource;
    expect(cache.take('sheet', () => Promise.resolve(sheet)).cached).toBe(false);
  });
});
