import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SitemapBody } from '../../src/crawl/sitemap-body.js';

const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';

async function read(url: string, body: Buffer, contentType: string | null = 'application/xml') {
  const urls: string[] = [];
  const sitemaps: string[] = [];
  const sitemap = new SitemapBody(url, contentType, { onUrl: (loc) => urls.push(loc), onSitemap: (loc) => sitemaps.push(loc) });
  for (let at = 0; at < body.length; at += 5) sitemap.write(body.subarray(at, at + 5));
  const problem = await sitemap.end();
  return { urls, sitemaps, problem };
}

describe('SitemapBody', () => {
  const xml = `<?xml version="1.0"?><urlset xmlns="${ns}"><url><loc>https://a.example/x</loc></url><url><loc> https://a.example/y </loc></url></urlset>`;

  it('parses a sitemap as it streams', async () => {
    expect(await read('https://a.example/sitemap.xml', Buffer.from(xml))).toEqual({
      urls: ['https://a.example/x', 'https://a.example/y'],
      sitemaps: [],
      problem: undefined,
    });
  });

  it('gunzips a gzip body, whatever its name and type', async () => {
    expect((await read('https://a.example/sitemap.xml', gzipSync(xml), 'text/xml')).urls).toEqual([
      'https://a.example/x',
      'https://a.example/y',
    ]);
  });

  it('reports a body that is not XML, or broken gzip', async () => {
    expect((await read('https://a.example/sitemap.xml', Buffer.from('hello, world'))).problem).toContain('is not a sitemap');
    const broken = gzipSync(xml).subarray(0, 30);
    const result = await read('https://a.example/sitemap.xml.gz', broken);
    expect(result.problem).toBeDefined();
  });

  it('reads an empty .gz body as broken gzip, not as XML', async () => {
    expect((await read('https://a.example/s.xml.gz', Buffer.alloc(0), null)).problem).toBeDefined();
  });
});
