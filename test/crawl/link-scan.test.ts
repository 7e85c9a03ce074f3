import { describe, expect, it } from 'vitest';
import { createLinkScan, isHtml } from '../../src/crawl/link-scan.js';

function scan(html: Buffer, contentType: string | null, pieceLength = 7): string[] {
  const links: string[] = [];
  const linkScan = createLinkScan('https://a.example/docs/page.html', contentType, (url) => links.push(url));
  for (let at = 0; at < html.length; at += pieceLength) linkScan.write(html.subarray(at, at + pieceLength));
  linkScan.end();
  return links;
}

describe('createLinkScan', () => {
  it('reports <a href> and <area href>, resolved, and no subresource', () => {
    const html = Buffer.from(
      '<html><head><base href="/base/"><link rel=stylesheet href="s.css"><script src="x.js"></script></head>' +
        '<body><a href="one.html#x">1</a><img src="i.png"><map><area href="/two"></map><a>no href</a>' +
        '<a href="javascript:void(0)">js</a><noscript><a href="hidden">h</a></noscript></body></html>',
    );
    expect(scan(html, 'text/html')).toEqual(['https://a.example/base/one.html', 'https://a.example/two']);
  });

  it('decodes the charset the document declares, even split across chunks', () => {
    const html = Buffer.concat([
      Buffer.from('<meta charset="windows-1252"><a href="caf'),
      Buffer.from([0xe9]),
      Buffer.from('.html">x</a>'),
    ]);
    expect(scan(html, 'text/html', 3)).toEqual(['https://a.example/docs/caf%C3%A9.html']);
  });

  it('stops reporting after stop()', () => {
    const links: string[] = [];
    const linkScan = createLinkScan('https://a.example/', 'text/html', (url) => links.push(url));
    linkScan.write(Buffer.from('<a href="/a">a</a>'));
    linkScan.stop();
    linkScan.write(Buffer.from('<a href="/b">b</a>'));
    linkScan.end();
    expect(links.length).toBeLessThanOrEqual(1);
  });

  it('knows HTML by its Content-Type', () => {
    expect(isHtml('text/html; charset=utf-8')).toBe(true);
    expect(isHtml('Application/XHTML+XML')).toBe(true);
    expect(isHtml('text/plain')).toBe(false);
    expect(isHtml(null)).toBe(false);
  });
});
