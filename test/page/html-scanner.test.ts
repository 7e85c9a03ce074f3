import { describe, expect, it } from 'vitest';
import { devices } from '../../src/page/media-query.js';
import { scan } from './html-scan-helper.js';

const at = (path: string): string => `https://example.com${path}`;

describe('createHtmlScanner: what is fetched', () => {
  it.each<[string, string, string[]]>([
    ['a stylesheet', '<link rel=stylesheet href=a.css>', [`style ${at('/dir/a.css')}`]],
    ['a stylesheet for print', '<link rel="stylesheet" media="print" href="/p.css">', [`style ${at('/p.css')}`]],
    ['rel tokens in any case and order', '<link rel="Preload StyleSheet" href=/a.css as=style>', [`style ${at('/a.css')}`]],
    ['an alternate stylesheet', '<link rel="alternate stylesheet" href=a.css>', []],
    ['a disabled stylesheet', '<link rel=stylesheet disabled href=a.css>', []],
    ['a stylesheet of another type', '<link rel=stylesheet type=text/less href=a.less>', []],
    ['a stylesheet without href', '<link rel=stylesheet>', []],
    ['preload as font', '<link rel=preload as=font href=/f.woff2 crossorigin>', [`font ${at('/f.woff2')}`]],
    ['preload as script', '<link rel=preload as=script href=/a.js>', [`script ${at('/a.js')}`]],
    ['preload as image', '<link rel=preload as=image href=/a.png>', [`image ${at('/a.png')}`]],
    ['preload as track', '<link rel=preload as=track href=/t.vtt>', [`track ${at('/t.vtt')}`]],
    ['preload as fetch', '<link rel=preload as=fetch href=/d.json>', [`fetch ${at('/d.json')}`]],
    ['preload with imagesrcset', '<link rel=preload as=image href=/s.png imagesrcset="/1.png 1x, /2.png 2x">', [`image ${at('/2.png')}`]],
    ['preload without as', '<link rel=preload href=/a.js>', []],
    ['preload with an invalid as', '<link rel=preload as=worker href=/w.js>', []],
    ['preload with a media that does not match', '<link rel=preload as=image media="(min-width: 1000px)" href=/a.png>', []],
    ['preload of an unsupported image type', '<link rel=preload as=image type=image/jxl href=/a.jxl>', []],
    ['modulepreload', '<link rel=modulepreload href=/m.js>', [`script ${at('/m.js')}`]],
    [
      'icons, manifest, prefetch, preconnect',
      '<link rel=icon href=/i.ico><link rel="shortcut icon" href=/s.ico><link rel=apple-touch-icon href=/t.png><link rel=manifest href=/m.json><link rel=prefetch href=/n.html><link rel=preconnect href=https://cdn.example><link rel=dns-prefetch href=//x.example>',
      [],
    ],
    ['a classic script', '<script src=/a.js></script>', [`script ${at('/a.js')}`]],
    ['a module script', '<script type=module src=/m.js></script>', [`script ${at('/m.js')}`]],
    [
      'JavaScript MIME types',
      '<script type="text/javascript" src=/1.js></script><script type="Application/JavaScript" src=/2.js></script><script language=javascript src=/3.js></script>',
      [`script ${at('/1.js')}`, `script ${at('/2.js')}`, `script ${at('/3.js')}`],
    ],
    [
      'nomodule and non-script types',
      '<script nomodule src=/legacy.js></script><script type=text/template src=/t.html></script><script type=application/ld+json src=/l.json></script><script language=vbscript src=/v.vbs></script>',
      [],
    ],
    ['an inline script', '<script>var a = "<img src=/no.png>";</script>', []],
    ['img src', '<img src=/a.png>', [`image ${at('/a.png')}`]],
    ['img with an empty src', '<img src="">', []],
    ['input type=image', '<input type=image src=/b.png><input type=text src=/no.png>', [`image ${at('/b.png')}`]],
    ['video poster', '<video poster=/p.jpg></video>', [`image ${at('/p.jpg')}`]],
    [
      'background attributes',
      '<body background=/bg.png><table background=/t.png><tr><td background=/c.png>',
      [`image ${at('/bg.png')}`, `image ${at('/t.png')}`, `image ${at('/c.png')}`],
    ],
    ['background on a div', '<div background=/no.png></div>', []],
    ['embed and object', '<embed src=/a.swf><object data=/b.pdf></object>', [`embed ${at('/a.swf')}`, `object ${at('/b.pdf')}`]],
    ['iframe', '<iframe src=/frame.html></iframe>', [`iframe ${at('/frame.html')}`]],
    ['iframe with srcdoc', '<iframe srcdoc="<p>x" src=/frame.html></iframe>', []],
    ['markup inside an iframe is text', '<iframe src=/f.html><img src=/no.png></iframe>', [`iframe ${at('/f.html')}`]],
    [
      'non-http URLs',
      '<img src="data:image/png;base64,AAAA"><img src="blob:https://example.com/x"><script src="javascript:void(0)"></script><img src="ftp://example.com/a.png">',
      [],
    ],
    [
      'protocol-relative and absolute',
      '<img src="//cdn.example.net/a.png"><img src="http://other.example/b.png">',
      ['image https://cdn.example.net/a.png', 'image http://other.example/b.png'],
    ],
    [
      'fragments dropped and each URL once',
      '<img src=/a.png#x><img src=/a.png><link rel=preload as=image href="/a.png#y">',
      [`image ${at('/a.png')}`],
    ],
    [
      'entities in attributes',
      '<img src="/a.png?x=1&amp;y=2&lt;"><img src="/b&#46;png">',
      [`image ${at('/a.png?x=1&y=2%3C')}`, `image ${at('/b.png')}`],
    ],
    ['upper-case markup', '<IMG SRC="/A.PNG"><LINK REL=STYLESHEET HREF=/S.CSS>', [`image ${at('/A.PNG')}`, `style ${at('/S.CSS')}`]],
    ['the first of duplicate attributes', '<img src=/first.png src=/second.png>', [`image ${at('/first.png')}`]],
  ])('%s', (_name, html, expected) => {
    expect(scan(html).resources).toEqual(expected);
  });
});

describe('createHtmlScanner: what is deferred', () => {
  it.each<[string, string, string[], string[]]>([
    ['a lazy image', '<img loading=lazy src=/a.png>', [], [`image ${at('/a.png')}`]],
    ['an eager image', '<img loading=eager src=/a.png>', [`image ${at('/a.png')}`], []],
    ['a lazy iframe', '<iframe loading="LAZY" src=/f.html></iframe>', [], [`iframe ${at('/f.html')}`]],
    [
      'a lazy-loader image keeps its placeholder',
      '<img src=/ph.gif data-src=/real.jpg>',
      [`image ${at('/ph.gif')}`],
      [`image ${at('/real.jpg')}`],
    ],
    ['a data-srcset image', '<img data-srcset="/s.jpg 400w, /l.jpg 1600w" data-sizes="100vw">', [], [`image ${at('/l.jpg')}`]],
    [
      'video and audio bodies',
      '<video src=/v.mp4><source src=/v.webm></video><audio src=/a.mp3><source src=/a.ogg></audio>',
      [],
      [`video ${at('/v.mp4')}`, `video ${at('/v.webm')}`, `audio ${at('/a.mp3')}`, `audio ${at('/a.ogg')}`],
    ],
    ['a source outside media or picture', '<div><source src=/x.mp4 srcset=/y.png></div>', [], []],
    ['preload of a video, which Chromium does not preload', '<link rel=preload as=video href=/v.mp4>', [], []],
    ['a deferred URL counted once', '<img loading=lazy src=/a.png><img loading=lazy src=/a.png#x>', [], [`image ${at('/a.png')}`]],
    ['a URL fetched already is not deferred too', '<img src=/a.png><img loading=lazy src=/a.png>', [`image ${at('/a.png')}`], []],
  ])('%s', (_name, html, resources, deferred) => {
    const output = scan(html);
    expect(output.resources).toEqual(resources);
    expect(output.deferred).toEqual(deferred);
    expect(output.result.deferred).toBe(deferred.length);
  });
});

describe('createHtmlScanner: picture and srcset', () => {
  const picture = `<picture>
    <source type=image/jxl srcset=/a.jxl>
    <source media="(min-width: 1000px)" srcset="/wide-1x.avif 1x, /wide-2x.avif 2x" type=image/avif>
    <source srcset="/narrow-800.webp 800w, /narrow-400.webp 400w" sizes="50vw" type="image/webp">
    <img src=/fallback.jpg>
  </picture><source srcset=/stray.png>`;
  it.each([
    ['mobile', devices.mobile, [`image ${at('/narrow-400.webp')}`]],
    ['desktop', devices.desktop, [`image ${at('/wide-1x.avif')}`]],
  ])('chooses one candidate on %s', (_name, device, expected) => {
    expect(scan(picture, { device }).resources).toEqual(expected);
  });

  it.each([
    ['mobile', devices.mobile, `image ${at('/dir/m.jpg')}`],
    ['desktop', devices.desktop, `image ${at('/dir/s.jpg')}`],
  ])('img srcset with sizes on %s', (_name, device, expected) => {
    const html = '<img src=fallback.jpg srcset="s.jpg 700w, m.jpg 1400w, l.jpg 2800w" sizes="(max-width: 600px) 100vw, 50vw">';
    expect(scan(html, { device }).resources).toEqual([expected]);
  });

  it('uses the img when no source fits, and a lazy picture is deferred', () => {
    const html = '<picture><source srcset=/a.webp media="(min-width: 5000px)"><img loading=lazy src=/b.jpg></picture>';
    expect(scan(html)).toMatchObject({ resources: [], deferred: [`image ${at('/b.jpg')}`] });
  });

  it("ignores sources that are not the picture's children or come after its img", () => {
    const html = '<picture><div><source srcset=/nested.webp></div><img src=/img.jpg><source srcset=/late.webp></picture>';
    expect(scan(html).resources).toEqual([`image ${at('/img.jpg')}`]);
  });
});
