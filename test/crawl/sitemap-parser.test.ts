import { describe, expect, it } from 'vitest';
import { createSitemapParser, sitemapMaxEntries, sitemapMaxLocLength } from '../../src/crawl/sitemap-parser.js';

const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';

interface Parsed {
  urls: string[];
  sitemaps: string[];
  errors: Error[];
  entries: number;
  skipped: number;
  full: boolean;
}

// Feeds the document in pieces of `pieceLength` characters, so that every
// token is also seen cut across two writes.
function parse(document: string, pieceLength = document.length || 1): Parsed {
  const urls: string[] = [];
  const sitemaps: string[] = [];
  const errors: Error[] = [];
  const parser = createSitemapParser({
    onUrl: (loc) => urls.push(loc),
    onSitemap: (loc) => sitemaps.push(loc),
    onError: (error) => errors.push(error),
  });
  for (let at = 0; at < document.length; at += pieceLength) parser.write(document.slice(at, at + pieceLength));
  parser.end();
  return { urls, sitemaps, errors, entries: parser.entries, skipped: parser.skipped, full: parser.full };
}

const urlset = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${ns}">${body}</urlset>`;

describe('createSitemapParser', () => {
  const documents: readonly (readonly [string, string, string[]])[] = [
    [
      'a urlset',
      urlset('<url><loc>https://a.example/</loc></url><url><loc>https://a.example/b</loc><lastmod>2024-01-01</lastmod></url>'),
      ['https://a.example/', 'https://a.example/b'],
    ],
    ['whitespace around <loc>', urlset('\n  <url>\n    <loc>\n\t https://a.example/x \r\n  </loc>\n  </url>\n'), ['https://a.example/x']],
    ['CDATA', urlset('<url><loc><![CDATA[https://a.example/?a=1&b=2]]></loc></url>'), ['https://a.example/?a=1&b=2']],
    [
      'CDATA with text around it',
      urlset('<url><loc> https://a.example/<![CDATA[x?a=1&b]]>=2 </loc></url>'),
      ['https://a.example/x?a=1&b=2'],
    ],
    ['entities', urlset('<url><loc>https://a.example/?a=1&amp;b=&#50;&lt;</loc></url>'), ['https://a.example/?a=1&b=2<']],
    [
      'a prefixed namespace',
      `<sm:urlset xmlns:sm="${ns}"><sm:url><sm:loc>https://a.example/p</sm:loc></sm:url></sm:urlset>`,
      ['https://a.example/p'],
    ],
    ['no namespace', '<urlset><url><loc>https://a.example/n</loc></url></urlset>', ['https://a.example/n']],
    [
      'an old namespace',
      '<urlset xmlns="http://www.google.com/schemas/sitemap/0.84"><url><loc>https://a.example/o</loc></url></urlset>',
      ['https://a.example/o'],
    ],
    [
      'image and alternate extensions',
      `<urlset xmlns="${ns}" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">` +
        '<url><image:loc>https://a.example/wrong.png</image:loc><loc>https://a.example/page</loc>' +
        '<image:image><image:loc>https://a.example/i.png</image:loc><loc>https://a.example/nested</loc></image:image>' +
        '<xhtml:link rel="alternate" hreflang="de" href="https://a.example/de/"/></url></urlset>',
      ['https://a.example/page'],
    ],
    [
      'a second <loc> in one <url>',
      urlset('<url><loc>https://a.example/1</loc><loc>https://a.example/2</loc></url>'),
      ['https://a.example/1'],
    ],
    [
      'a <loc> outside <url>',
      urlset('<loc>https://a.example/stray</loc><url><loc>https://a.example/ok</loc></url>'),
      ['https://a.example/ok'],
    ],
    ['a <sitemap> in a urlset', urlset('<sitemap><loc>https://a.example/s.xml</loc></sitemap>'), []],
    [
      'comments and processing instructions',
      urlset('<!-- x --><url><?pi x?><loc>https://a.example/<!-- y -->c</loc></url>'),
      ['https://a.example/c'],
    ],
    [
      'a relative or odd <loc>, as written',
      urlset('<url><loc>/relative</loc></url><url><loc>javascript:x</loc></url>'),
      ['/relative', 'javascript:x'],
    ],
  ];

  it.each(documents)('reads %s', (_, document, urls) => {
    for (const pieceLength of [document.length, 7, 1]) {
      expect(parse(document, pieceLength)).toMatchObject({ urls, sitemaps: [], errors: [], entries: urls.length });
    }
  });

  it('reads a sitemap index as sitemaps, not pages', () => {
    const index =
      `<sitemapindex xmlns="${ns}"><sitemap><loc>https://a.example/s1.xml</loc></sitemap>` +
      '<sitemap><loc> https://a.example/s2.xml.gz </loc><lastmod>2024-01-01</lastmod></sitemap>' +
      '<url><loc>https://a.example/page</loc></url></sitemapindex>';
    expect(parse(index, 5)).toMatchObject({
      urls: [],
      sitemaps: ['https://a.example/s1.xml', 'https://a.example/s2.xml.gz'],
      errors: [],
      entries: 2,
    });
  });

  it(`skips an empty <loc> and one longer than ${sitemapMaxLocLength} characters`, () => {
    const longest = `https://a.example/${'x'.repeat(sitemapMaxLocLength - 'https://a.example/'.length)}`;
    const document = urlset(
      [
        `<loc>  ${longest}  </loc>`,
        '<loc></loc>',
        '<loc> \n </loc>',
        `<loc>${longest}y</loc>`,
        `<loc>${'z'.repeat(1_000_000)}</loc>`,
        '<loc>https://a.example/last</loc>',
      ]
        .map((loc) => `<url>${loc}</url>`)
        .join(''),
    );
    expect(parse(document, 4096)).toMatchObject({ urls: [longest, 'https://a.example/last'], errors: [], entries: 2, skipped: 4 });
  });

  it(`reads ${sitemapMaxEntries} entries of a file at most, and says it is full`, () => {
    const document = urlset(
      Array.from({ length: sitemapMaxEntries + 10 }, (_, n) => `<url><loc>https://a.example/${n}</loc></url>`).join(''),
    );
    const parsed = parse(document, 65_536);
    expect(parsed.urls.length).toBe(sitemapMaxEntries);
    expect(parsed.urls.at(-1)).toBe(`https://a.example/${sitemapMaxEntries - 1}`);
    expect(parsed).toMatchObject({ errors: [], entries: sitemapMaxEntries, full: true });
  });

  it.each([
    ['a broken tag', urlset('<url><loc>https://a.example/1</loc></url><url><loc>https://a.example/2</loc></url><url <<>>'), 2],
    ['a cut-off file', `<urlset xmlns="${ns}"><url><loc>https://a.example/1</loc></url><url><loc>https://a.ex`, 1],
    [
      'mismatched tags',
      urlset('<url><loc>https://a.example/1</loc></url><url><loc>https://a.example/2</loc></lastmod></url><url><loc>x</loc></url>'),
      2,
    ],
    ['text after the root', `${urlset('<url><loc>https://a.example/1</loc></url>')}trailing`, 1],
    ['an undefined entity', urlset('<url><loc>https://a.example/1</loc></url><url><loc>&nbsp;x</loc></url>'), 1],
    ['an unbound prefix', urlset('<url><loc>https://a.example/1</loc></url><url><x:loc>y</x:loc></url>'), 1],
    ['an empty document', '', 0],
    ['an HTML page', '<!DOCTYPE html><html><body><a href="https://a.example/">x</a></body></html>', 0],
    ['an RSS feed', '<rss version="2.0"><channel><item><link>https://a.example/</link></item></channel></rss>', 0],
    ['a root that is not alone', `<other/>${urlset('<url><loc>https://a.example/1</loc></url>')}`, 0],
  ])('reports %s once and keeps the entries before it', (_, document, kept) => {
    for (const pieceLength of [document.length || 1, 3]) {
      const parsed = parse(document, pieceLength);
      expect(parsed.errors).toHaveLength(1);
      expect(parsed.errors[0]).toBeInstanceOf(Error);
      expect(parsed.entries).toBe(kept);
      expect(parsed.urls).toEqual(Array.from({ length: kept }, (_, n) => `https://a.example/${n + 1}`));
    }
  });

  it('fetches nothing for an external entity', () => {
    const document =
      '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      '<urlset><url><loc>https://a.example/&x;</loc></url></urlset>';
    const parsed = parse(document);
    expect(parsed.urls.join('')).not.toContain('root');
    expect(parsed.errors).toHaveLength(1);
  });

  it('ignores what is written after an error or after end()', () => {
    const errors: Error[] = [];
    const urls: string[] = [];
    const parser = createSitemapParser({
      onUrl: (loc) => urls.push(loc),
      onSitemap: () => undefined,
      onError: (error) => errors.push(error),
    });
    parser.write('<html>');
    parser.write(urlset('<url><loc>https://a.example/late</loc></url>'));
    parser.end();
    parser.end();
    expect(errors).toHaveLength(1);
    expect(urls).toEqual([]);
  });
});
