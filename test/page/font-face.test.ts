import { parse, type Block } from 'css-tree';
import { describe, expect, it } from 'vitest';
import { parseFontFace } from '../../src/page/font-face.js';
import { familiesOf } from '../../src/page/font-family.js';
import { parseUnicodeRange } from '../../src/page/font-unicode-range.js';

function faceBlock(descriptors: string): Block {
  const sheet = parse(`@font-face { ${descriptors} }`);
  const rule = sheet.type === 'StyleSheet' ? sheet.children.first : null;
  if (rule?.type !== 'Atrule' || rule.block === null) throw new Error(descriptors);
  return rule.block;
}

function value(text: string) {
  return parse(text, { context: 'value' });
}

// [src descriptor, the URL Chromium downloads]
const sources: [string, string | undefined][] = [
  ['url(a.woff2) format("woff2")', 'a.woff2'],
  ['url(a.woff2) format(woff2)', 'a.woff2'],
  ['url(a.eot?#iefix) format("embedded-opentype"), url(a.woff2) format("woff2"), url(a.woff) format("woff")', 'a.woff2'],
  ['url(a.woff) format("woff"), url(a.woff2) format("woff2")', 'a.woff'],
  ['url(a.ttf) format("truetype")', 'a.ttf'],
  ['url(a.otf) format("opentype")', 'a.otf'],
  ['url(a.svg#f) format("svg"), url(a.ttf) format("truetype")', 'a.ttf'],
  ['url(a.eot)', 'a.eot'],
  ['local("Open Sans"), local(OpenSans-Regular), url(a.woff2) format("woff2")', 'a.woff2'],
  ['local("Open Sans")', undefined],
  ['url(v.woff2) format("woff2") tech(variations), url(a.woff2) format("woff2")', 'v.woff2'],
  ['url(c.woff2) format("woff2") tech(color-svg), url(a.woff2) format("woff2")', 'a.woff2'],
  ['url(c.woff2) tech(color-colrv1)', 'c.woff2'],
  ['url(v.woff2) format("woff2-variations")', 'v.woff2'],
  ['url(x.woff2) format("x-unknown"), url(y.woff2)', 'y.woff2'],
  ['url(x.woff2) format("woff2", "woff")', 'x.woff2'],
];

describe('parseFontFace', () => {
  it.each(sources)('src: %s downloads %s', (src, url) => {
    expect(parseFontFace(faceBlock(`font-family: X; src: ${src};`))?.url).toBe(url);
  });

  it('reads the family (lower-case), the unicode-range, and the last of repeated descriptors', () => {
    expect(parseFontFace(faceBlock('font-family: "Open Sans"; src: url(a.woff2); unicode-range: U+0000-00FF, U+0131'))).toEqual({
      family: 'open sans',
      url: 'a.woff2',
      ranges: [
        [0, 0xff],
        [0x131, 0x131],
      ],
    });
    expect(parseFontFace(faceBlock('font-family: Open   Sans; src: url(a.woff2); src: url(b.woff2)'))).toEqual({
      family: 'open sans',
      url: 'b.woff2',
      ranges: undefined,
    });
    expect(parseFontFace(faceBlock('src: url(a.woff2)'))).toBeUndefined();
  });
});

// [unicode-range value, its ranges, or undefined when invalid]
const ranges: [string, [number, number][] | undefined][] = [
  ['U+26', [[0x26, 0x26]]],
  ['u+0-7F', [[0, 0x7f]]],
  [
    'U+0025-00FF, U+4??',
    [
      [0x25, 0xff],
      [0x400, 0x4ff],
    ],
  ],
  ['U+1F600-1F64F', [[0x1f600, 0x1f64f]]],
  ['U+??????', [[0, 0x10ffff]]],
  ['U+4??-5FF', undefined],
  ['U+FF-00', undefined],
  ['bold', undefined],
];

describe('parseUnicodeRange', () => {
  it.each(ranges)('%s', (text, expected) => {
    expect(parseUnicodeRange(value(text))).toEqual(expected);
  });
});

// [property, value, the families it names]
const families: [string, string, string[] | undefined][] = [
  ['font-family', '"Foo Bar", Open  Sans, sans-serif', ['foo bar', 'open sans', 'sans-serif']],
  ['FONT-FAMILY', 'Inter', ['inter']],
  ['font-family', 'var(--font), serif', []],
  ['font', 'italic bold 12px/30px Georgia, "x y", serif', ['georgia', 'x y', 'serif']],
  ['font', '1.2em/normal Roboto', ['roboto']],
  ['font', '400 100% Inter', ['inter']],
  ['font', 'small-caps large Lato', ['lato']],
  ['font', 'clamp(1rem, 2vw, 2rem) Lato', ['lato']],
  ['font', 'menu', []],
  ['font', '16px', []],
  ['color', 'red', undefined],
];

describe('familiesOf', () => {
  it.each(families)('%s: %s', (property, text, expected) => {
    expect(familiesOf(property, value(text))).toEqual(expected);
  });
});
