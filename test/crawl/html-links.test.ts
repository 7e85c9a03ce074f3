import { describe, expect, it } from 'vitest';
import { createHtmlLinkScanner } from '../../src/crawl/html-links.js';
import { MAX_DEPTH } from '../../src/page/element-context.js';

const documentUrl = 'https://example.com/dir/page.html';
const at = (path: string): string => `https://example.com${path}`;

function links(chunks: string | readonly string[]): string[] {
  const found: string[] = [];
  const scanner = createHtmlLinkScanner(documentUrl, (url) => found.push(url));
  for (const chunk of typeof chunks === 'string' ? [chunks] : chunks) scanner.write(chunk);
  scanner.end();
  return found;
}

describe('createHtmlLinkScanner', () => {
  it('reports a and area links, resolved and normalised, http(s) only', () => {
    const html =
      '<base href=/b/><a href=x.html#top>x</a><a href="mailto:a@b">m</a><a>none</a><map><area href="//OTHER.example:443/%7ey?utm_source=z&amp;q=1"></map>' +
      '<a href="javascript:0">j</a><a href="  ">blank</a><a href="">empty</a><link rel=next href=/n.html><img src=/i.png>';
    expect(links(html)).toEqual([at('/b/x.html'), 'https://other.example/~y?q=1']);
  });

  it('decodes entities in links and bases as the page scanner does, and nowhere else', () => {
    const html =
      '<base href="/b&amp;c/"><a href="a&amp;b=1&ampc&notin;&noti">1</a><a href=&#x2F;s&#47;t>2</a>' +
      '<p>&lt;a href=/text&gt;</p><title>&lt;a href=/title&gt;</title><a href="&#128;&#0;">3</a>';
    expect(links(html)).toEqual([at('/b&c/a&b=1&ampc%E2%88%89&noti'), at('/s/t'), at('/b&c/%E2%82%AC%EF%BF%BD')]);
  });

  it('reads links split across chunks anywhere', () => {
    const html = '<p>text</p><a href="/one.html">1</a><area href=/two.html>';
    for (let size = 1; size <= html.length; size++) {
      const chunks = [];
      for (let start = 0; start < html.length; start += size) chunks.push(html.slice(start, start + size));
      expect(links(chunks)).toEqual([at('/one.html'), at('/two.html')]);
    }
  });

  it.each([
    ['noscript', '<noscript><a href=/no></a></noscript><a href=/yes></a>'],
    ['nested noscript', '<noscript><noscript></noscript><a href=/no></a></noscript><a href=/yes></a>'],
    ['template', '<template><a href=/no></a><template></template><a href=/no2></a></template><a href=/yes></a>'],
    ['noscript closed by an outer end tag', '<div><noscript><a href=/no></a></div><a href=/yes></a>'],
    ['comments', '<!-- <a href=/no></a> --><a href=/yes></a>'],
    ['script text', '<script>document.write("<a href=/no></a>")</script><a href=/yes></a>'],
    ['textarea text', '<textarea><a href=/no></a></textarea><a href=/yes></a>'],
  ])('skips what the page scanner skips: %s', (_name, html) => {
    expect(links(html)).toEqual([at('/yes')]);
  });

  it.each([
    ['a relative base', '<base href="/static/"><a href=a.html>', at('/static/a.html')],
    ['only the first base counts', '<base href=/one/><base href=/two/><a href=a.html>', at('/one/a.html')],
    ['a base without href does not count', '<base target=_blank><base href=/two/><a href=a.html>', at('/two/a.html')],
    ['a base in noscript does not count', '<noscript><base href=/no/></noscript><a href=a.html>', at('/dir/a.html')],
    ['a javascript: base is ignored', '<base href="javascript:x"><a href=a.html>', at('/dir/a.html')],
  ])('resolves against the base in effect: %s', (_name, html, url) => {
    expect(links(html)).toEqual([url]);
  });

  it('reads no further than the page scanner does in deeply nested markup', () => {
    // The element at MAX_DEPTH + 1 is the last one read.
    const html = `${'<div>'.repeat(MAX_DEPTH - 1)}<a href=/last></a><div><div></div><a href=/past></a>`;
    expect(links(html)).toEqual([at('/last')]);
  });
});
