import { describe, expect, it } from 'vitest';
import { cssResources, type CssResource } from '../../src/page/css-resources.js';
import { scanStyleAttribute, scanStylesheet } from '../../src/page/css-scanner.js';
import { DocumentIndex } from '../../src/page/document-index.js';
import { devices, type Device } from '../../src/page/media-query.js';

const base = 'https://example.com/css/site.css';

// <html><body class="home"><div id="hero" class="card"><p>Hello</p></div><img data-src="x"></body></html>
function sampleDocument(text = 'Hello'): DocumentIndex {
  const index = new DocumentIndex();
  index.addElement('html');
  index.addElement('body', { class: 'home' });
  index.addElement('div', { id: 'hero', class: 'card' });
  index.addElement('p');
  index.addElement('img', { 'data-src': 'x' });
  index.addText(text);
  return index;
}

function loads(css: string, device: Device = devices.mobile, document = sampleDocument()): CssResource[] {
  return cssResources([scanStylesheet(css, { baseUrl: base, device })], document);
}

function images(css: string, device: Device = devices.mobile): string[] {
  return loads(css, device)
    .filter((r) => r.destination === 'image')
    .map((r) => r.url.slice('https://example.com/'.length));
}

describe('scanStylesheet: images of rules that would apply', () => {
  // [stylesheet, the images it loads on mobile, on desktop]
  const cases: [string, string[], string[]][] = [
    ['.card { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['.card { background-image: url("/img/a.png") }', ['img/a.png'], ['img/a.png']],
    ['.card { background: url(../a.png) no-repeat, url(b.png) }', ['a.png', 'css/b.png'], ['a.png', 'css/b.png']],
    [
      '.card { list-style: url(a.png); border-image: url(b.png) 30; mask-image: url(c.svg); content: url(d.png) }',
      ['css/a.png', 'css/b.png', 'css/c.svg', 'css/d.png'],
      ['css/a.png', 'css/b.png', 'css/c.svg', 'css/d.png'],
    ],
    ['.missing { background: url(a.png) }', [], []],
    ['table td { background: url(a.png) }', [], []],
    ['.missing .card { background: url(a.png) }', [], []],
    ['body.home > .card { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['* { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['#hero::before { content: ""; background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['[data-src] { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['.card:hover { background: url(a.png) }', [], []],
    ['.card:focus, .card:active { background: url(a.png) }', [], []],
    ['.card:hover, .home { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['.card { background: url(data:image/png;base64,AAAA) }', [], []],
    ['.card { filter: url(#blur); clip-path: url("#c") }', [], []],
    ['.card { background: url(a.png#frag) } p { background: url(a.png) }', ['css/a.png'], ['css/a.png']],
    ['.card { background: url(ftp://x/a.png) }', [], []],
    // Media queries, for each device
    ['@media (max-width: 600px) { .card { background: url(m.png) } }', ['css/m.png'], []],
    ['@media (min-width: 1024px) { .card { background: url(d.png) } }', [], ['css/d.png']],
    ['@media print { .card { background: url(p.png) } }', [], []],
    ['@media screen and (min-resolution: 1.5dppx) { .card { background: url(hi.png) } }', ['css/hi.png'], []],
    ['@media (hover: hover) { .card { background: url(h.png) } }', [], ['css/h.png']],
    ['@media (min-width: 600px) { @media (max-width: 1400px) { p { background: url(n.png) } } }', [], ['css/n.png']],
    [
      '@supports (display: grid) { p { background: url(s.png) } } @layer base { p { background: url(l.png) } }',
      ['css/s.png', 'css/l.png'],
      ['css/s.png', 'css/l.png'],
    ],
    ['@container (min-width: 1px) { p { background: url(c.png) } }', ['css/c.png'], ['css/c.png']],
    ['@keyframes k { from { background: url(k.png) } } @page { background: url(pg.png) }', [], []],
    // image-set(): one option, for the device's pixel ratio
    ['.card { background: image-set("a.png" 1x, "b.png" 2x) }', ['css/b.png'], ['css/a.png']],
    ['.card { background: -webkit-image-set(url(a.png) 1x, url(b.png) 2x) }', ['css/b.png'], ['css/a.png']],
    ['.card { background: image-set("a.avif" type("image/avif"), "a.jpg" type("image/jpeg")) }', ['css/a.avif'], ['css/a.avif']],
    // In one rule, the last declaration of a property wins, unless an earlier one is !important
    ['.card { background: url(old.png); background: url(new.png) }', ['css/new.png'], ['css/new.png']],
    ['.card { background: url(a.png) !important; background: url(b.png) }', ['css/a.png'], ['css/a.png']],
    ['.card { background-image: url(a.png); background-image: linear-gradient(red, blue) }', [], []],
    // Nesting
    ['.card { & p { background: url(a.png) } &:hover { background: url(h.png) } }', ['css/a.png'], ['css/a.png']],
    ['.card { &.missing { background: url(a.png) } }', [], []],
    ['.missing { & p { background: url(a.png) } }', [], []],
    ['.card { p { background: url(a.png) } }', ['css/a.png'], ['css/a.png']],
    ['.card { @media (max-width: 600px) { background: url(a.png) } }', ['css/a.png'], []],
    ['.card:hover { & p { background: url(a.png) } }', [], []],
    // Dedupe
    ['.card { background: url(a.png) } p { background: url(./a.png) } #hero { background: url(/css/a.png) }', ['css/a.png'], ['css/a.png']],
  ];

  it.each(cases)('%s', (css, mobile, desktop) => {
    expect(images(css, devices.mobile)).toEqual(mobile);
    expect(images(css, devices.desktop)).toEqual(desktop);
  });
});

describe('scanStylesheet: custom properties', () => {
  // A url() in a custom property loads only when an applying rule reads it with var().
  const cases: [string, string[]][] = [
    [':root { --bg: url(a.png) } .card { background: var(--bg) }', ['css/a.png']],
    [':root { --bg: url(a.png) }', []],
    [':root { --bg: url(a.png) } .missing { background: var(--bg) }', []],
    [':root { --bg: url(a.png) } .card:hover { background: var(--bg) }', []],
    ['.missing { --bg: url(a.png) } .card { background: var(--bg) }', []],
    [':root { --bg: url(a.png); --other: var(--bg) } p { background: var(--other) }', ['css/a.png']],
    ['.card { background: var(--unset, url(fallback.png)) }', ['css/fallback.png']],
    [':root { --BG: url(a.png) } p { background: var(--bg) }', []],
  ];

  it.each(cases)('%s', (css, expected) => {
    expect(images(css)).toEqual(expected);
  });
});

describe('scanStylesheet: @import', () => {
  function imports(css: string, device: Device): string[] {
    return scanStylesheet(css, { baseUrl: base, device }).imports.map((url) => url.slice('https://example.com/'.length));
  }

  // [stylesheet, imports on mobile, on desktop]
  const cases: [string, string[], string[]][] = [
    ['@import url(a.css);', ['css/a.css'], ['css/a.css']],
    ['@import "a.css"; @import url("/b.css");', ['css/a.css', 'b.css'], ['css/a.css', 'b.css']],
    ['@charset "utf-8"; @import "a.css";', ['css/a.css'], ['css/a.css']],
    ['@layer base; @import "a.css" layer(base);', ['css/a.css'], ['css/a.css']],
    ['@import "m.css" (max-width: 600px); @import "d.css" screen and (min-width: 1024px);', ['css/m.css'], ['css/d.css']],
    ['@import "p.css" print;', [], []],
    ['@import "x.css" junk junk;', [], []],
    ['@import "a.css" supports(display: grid) screen;', ['css/a.css'], ['css/a.css']],
    // @import after a rule, or inside one, is ignored.
    ['p { color: red } @import "late.css";', [], []],
    ['@media screen { @import "nested.css"; }', [], []],
    ['@import "a.css"; @import "a.css";', ['css/a.css'], ['css/a.css']],
    ['@import url(data:text/css,p{});', [], []],
  ];

  it.each(cases)('%s', (css, mobile, desktop) => {
    expect(imports(css, devices.mobile)).toEqual(mobile);
    expect(imports(css, devices.desktop)).toEqual(desktop);
  });

  it('reports @import to load as a stylesheet, and url() inside @import or @font-face not as an image', () => {
    const css = '@import url(a.css); @font-face { font-family: F; src: url(f.woff2) format("woff2") } p { font-family: F }';
    expect(loads(css)).toEqual([
      { url: 'https://example.com/css/a.css', destination: 'style' },
      { url: 'https://example.com/css/f.woff2', destination: 'font' },
    ]);
  });
});

describe('scanStylesheet: fonts', () => {
  const faces = `
    @font-face { font-family: "Open Sans"; src: local("Open Sans"), url(os-latin.woff2) format("woff2"), url(os-latin.woff) format("woff"); unicode-range: U+0000-00FF; }
    @font-face { font-family: "Open Sans"; src: url(os-cyrillic.woff2) format("woff2"); unicode-range: U+0400-045F; }
    @font-face { font-family: Icons; src: url(icons.eot?#iefix) format("embedded-opentype"), url(icons.ttf) format("truetype"); }
    @font-face { font-family: Unused; src: url(unused.woff2) format("woff2"); }
    @font-face { font-family: Fallback; src: url(fallback.woff2) format("woff2"); }
  `;

  function fonts(rules: string, text = 'Hello', device: Device = devices.mobile): string[] {
    return loads(faces + rules, device, sampleDocument(text))
      .filter((r) => r.destination === 'font')
      .map((r) => r.url.slice('https://example.com/css/'.length));
  }

  // [rules, document text, fonts loaded]
  const cases: [string, string, string[]][] = [
    ['p { font-family: "Open Sans", sans-serif }', 'Hello', ['os-latin.woff2']],
    ['p { font-family: open sans }', 'Привет', ['os-cyrillic.woff2']],
    ['p { font-family: "Open Sans" }', 'Hello Привет', ['os-latin.woff2', 'os-cyrillic.woff2']],
    ['p { font-family: "Open Sans" }', '中文', []],
    ['p { font: 700 1rem/1.5 "Open Sans", serif }', 'Hi', ['os-latin.woff2']],
    ['.card { font-family: Icons }', 'x', ['icons.ttf']],
    ['.missing { font-family: Icons }', 'x', []],
    ['p:hover { font-family: Icons }', 'x', []],
    ['', 'x', []],
    ['p { font-family: Icons, Fallback }', 'x', ['icons.ttf']],
    ['p { font-family: "Open Sans", Fallback }', '中文', ['fallback.woff2']],
    ['p { font-family: sans-serif, Fallback }', 'x', []],
    ['p { font-family: Arial, Fallback }', 'x', ['fallback.woff2']],
    ['@media print { p { font-family: Icons } }', 'x', []],
  ];

  it.each(cases)('%s with text %j', (rules, text, expected) => {
    expect(fonts(rules, text)).toEqual(expected);
  });

  it('loads a face declared under a matching @media only', () => {
    const css = '@media (min-width: 1024px) { @font-face { font-family: Wide; src: url(wide.woff2) } } p { font-family: Wide }';
    expect(loads(css, devices.mobile)).toEqual([]);
    expect(loads(css, devices.desktop)).toEqual([{ url: 'https://example.com/css/wide.woff2', destination: 'font' }]);
  });

  it('finds faces and families across stylesheets and style attributes', () => {
    const options = { baseUrl: base, device: devices.mobile };
    const sheet = scanStylesheet('@font-face { font-family: Brand; src: url(brand.woff2) format("woff2") }', options);
    const attribute = scanStyleAttribute('font-family: Brand; background: url(/bg.png)', {
      ...options,
      baseUrl: 'https://example.com/page',
    });
    expect(cssResources([sheet, attribute], sampleDocument())).toEqual([
      { url: 'https://example.com/bg.png', destination: 'image' },
      { url: 'https://example.com/css/brand.woff2', destination: 'font' },
    ]);
  });
});

describe('scanStylesheet: broken CSS', () => {
  // css-tree recovers as a browser does: the broken part is skipped and the rest is kept.
  const cases: [string, string[]][] = [
    // A stray } at the top level starts a prelude that swallows the next rule, in browsers too.
    ['p { background: url(a.png) } }}} .card { background: url(b.png) } #hero { background: url(c.png) }', ['css/a.png', 'css/c.png']],
    ['p { color: red; ; ;; background: url(a.png) }', ['css/a.png']],
    ['p { color: } .card { background: url(b.png) }', ['css/b.png']],
    // An unclosed [ or ( runs to the end of the sheet.
    ['p[ { background: url(a.png) } .card { background: url(b.png) }', []],
    ['p { color: red; background: url(a.png) } p:not( { background: url(b.png) }', ['css/a.png']],
    ['<!-- p { background: url(a.png) } -->', ['css/a.png']],
    ['@media (min-width: 1px) and { p { background: url(a.png) } } .card { background: url(b.png) }', ['css/b.png']],
    ['@unknown-rule foo { p { background: url(a.png) } } .card { background: url(b.png) }', ['css/b.png']],
    ['p { background: url(a.png); color: red !ie; background-image: url(b.png) ) }', ['css/a.png']],
    ['p { background: url(a.png)', ['css/a.png']],
    ['p { background: url(a.png) } .card { background: url("b.png', ['css/a.png', 'css/b.png']],
    ['/* unclosed comment p { background: url(a.png) }', []],
    ['@font-face { src: url(x.woff2) } p { font-family: x; background: url(a.png) }', ['css/a.png']],
    ['\u0000\uffff p { background: url(a.png) }', []],
    ['', []],
  ];

  it.each(cases)('%j', (css, expected) => {
    expect(images(css)).toEqual(expected);
  });
});
