import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isGzipSitemap } from '../../src/crawl/sitemap-gzip.js';

const xml = Buffer.from('<?xml version="1.0"?><urlset/>');
const gzipped = gzipSync(xml);

describe('isGzipSitemap', () => {
  it.each([
    ['gzip bytes behind a .gz name', 'https://a.example/sitemap.xml.gz', 'application/gzip', gzipped, true],
    ['gzip bytes named .xml and typed as XML', 'https://a.example/sitemap.xml', 'application/xml', gzipped, true],
    ['gzip bytes with no type', 'https://a.example/s', null, gzipped, true],
    ['XML behind a .gz name whose Content-Encoding was removed', 'https://a.example/sitemap.xml.gz', 'application/x-gzip', xml, false],
    ['XML typed as XML', 'https://a.example/sitemap.xml', 'text/xml; charset=utf-8', xml, false],
    ['XML with a byte order mark', 'https://a.example/sitemap.xml', 'application/xml', Buffer.from([0xef, 0xbb, 0xbf, 0x3c]), false],
    ['a body of 1f alone, typed as gzip', 'https://a.example/s', 'Application/GZIP', Buffer.from([0x1f]), true],
    ['an empty body behind a .GZ name', 'https://a.example/SITEMAP.XML.GZ?v=2', null, Buffer.alloc(0), true],
    ['an empty body typed as XML', 'https://a.example/sitemap.xml', 'application/xml', Buffer.alloc(0), false],
    ['an empty body whose query only ends in .gz', 'https://a.example/sitemap?file=.gz', null, Buffer.alloc(0), false],
  ] as const)('%s: %s', (_, url, contentType, head, expected) => {
    expect(isGzipSitemap({ url, contentType, head })).toBe(expected);
  });

  it('looks at the first two bytes only', () => {
    expect(isGzipSitemap({ url: 'https://a.example/s', contentType: null, head: gzipped.subarray(0, 2) })).toBe(true);
  });
});
