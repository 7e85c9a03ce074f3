import { describe, expect, it } from 'vitest';
import { createBodyDecoder, type BodyDecoder } from '../../src/page/charset-decoder.js';
import { charsetFromMetaContent, charsetParameter, encodingForLabel } from '../../src/page/charset-label.js';
import { prescanCharset } from '../../src/page/charset-prescan.js';

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');
const utf8 = (text: string): Uint8Array => Buffer.from(text, 'utf8');

function decodeInChunks(decoder: BodyDecoder, bytes: Uint8Array, size: number): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.write(bytes.subarray(i, i + size));
  return text + decoder.end();
}

describe('charset labels', () => {
  it.each([
    ['utf-8', 'utf-8'],
    [' UTF8 ', 'utf-8'],
    ['latin1', 'windows-1252'],
    ['iso-8859-1', 'windows-1252'],
    ['Shift_JIS', 'shift_jis'],
    ['x-user-defined', 'windows-1252'],
    ['bogus', undefined],
    ['', undefined],
  ])('%j names %j', (label, encoding) => {
    expect(encodingForLabel(label)).toBe(encoding);
  });

  it.each([
    ['text/html; charset=utf-8', 'utf-8'],
    ['text/html;charset="ISO-8859-1"', 'ISO-8859-1'],
    ['text/html; q=1; Charset = koi8-r ; x=y', 'koi8-r'],
    ['text/html', undefined],
    ['text/html; charset=', undefined],
    ['text/html; foo="a;b"; charset=gbk', 'gbk'],
  ])('Content-Type %j has charset %j', (contentType, charset) => {
    expect(charsetParameter(contentType)).toBe(charset);
  });

  it.each([
    ['text/html; charset=utf-8', 'utf-8'],
    ['text/html;charset = "big5"', 'big5'],
    ["charset='euc-kr' x", 'euc-kr'],
    ['text/html', undefined],
    ['charset', undefined],
    ['charsetx=1; charset=gbk', 'gbk'],
    ['charset="unclosed', undefined],
  ])('meta content %j has charset %j', (content, charset) => {
    expect(charsetFromMetaContent(content)).toBe(charset);
  });
});

describe('prescanCharset', () => {
  it.each([
    ['<meta charset="utf-8">', 'utf-8'],
    ['<!doctype html><html><head><META CHARSET=Shift_JIS>', 'shift_jis'],
    ['<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">', 'windows-1251'],
    ['<meta http-equiv=content-type content="text/html">', undefined],
    ['<meta content="text/html; charset=koi8-r">', undefined],
    ['<!-- <meta charset="gbk"> --><meta charset="big5">', 'big5'],
    ['<meta charset="utf-16le">', 'utf-8'],
    ['<meta charset="bogus"><meta charset="euc-kr">', 'euc-kr'],
    ['<title>x</title>', undefined],
    ['<title>meta</title><Meta\tcharset=gbk>', 'gbk'],
    [`${' '.repeat(1020)}<meta charset="gbk">`, undefined],
  ])('%j', (html, encoding) => {
    expect(prescanCharset(latin1(html))).toBe(encoding);
  });
});

describe('createBodyDecoder', () => {
  const page = (meta: string, body: string): string => `<html><head>${meta}</head><body>${body}${' '.repeat(1100)}</body></html>`;

  it.each<[string, string | null, Uint8Array, string, string]>([
    ['a UTF-8 BOM beats the header', 'text/html; charset=windows-1252', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('é')]), 'utf-8', 'bom'],
    ['a UTF-16LE BOM', null, Uint8Array.from([0xff, 0xfe, 0xe9, 0x00]), 'utf-16le', 'bom'],
    ['the header beats meta', 'text/html; charset=iso-8859-2', latin1(page('<meta charset=utf-8>', '\xe9')), 'iso-8859-2', 'header'],
    [
      'an unknown header charset falls through to meta',
      'text/html; charset=nope',
      latin1(page('<meta charset=koi8-r>', '')),
      'koi8-r',
      'meta',
    ],
    ['meta', 'text/html', latin1(page('<meta charset="windows-1251">', '\xe9')), 'windows-1251', 'meta'],
    ['valid UTF-8 without a declaration', null, utf8(page('', 'café ✓')), 'utf-8', 'detected'],
    ['invalid UTF-8 without a declaration', null, latin1(page('', 'caf\xe9')), 'windows-1252', 'default'],
    ['ASCII without a declaration', null, latin1(page('', 'cafe')), 'windows-1252', 'default'],
    ['a short body', null, latin1('<p>hi'), 'windows-1252', 'default'],
  ])('%s', (_name, contentType, bytes, encoding, source) => {
    const decoder = createBodyDecoder(contentType);
    const text = decodeInChunks(decoder, bytes, 7);
    expect(decoder.encoding).toBe(encoding);
    expect(decoder.source).toBe(source);
    expect(text).toBe(new TextDecoder(encoding).decode(bytes));
  });

  it('decodes multi-byte characters split at every chunk size the same', () => {
    const bytes = Buffer.concat([latin1('<meta charset="shift_jis">'), Buffer.from([0x93, 0xfa, 0x96, 0x7b]), latin1(' '.repeat(1100))]);
    const expected = new TextDecoder('shift_jis').decode(bytes);
    expect(expected).toContain('日本');
    for (const size of [1, 2, 3, 5, 1024, 4096]) {
      expect(decodeInChunks(createBodyDecoder(undefined), bytes, size)).toBe(expected);
    }
  });

  it('decodes what follows a run of ASCII in the encoding chosen, however the chunks fall', () => {
    const ascii = latin1(`<p>${'a'.repeat(1100)}`);
    const cases: [string | null, Uint8Array, string][] = [
      ['text/html; charset=utf-8', Buffer.concat([ascii, utf8('café ✓ \u{1F600}')]), 'utf-8'],
      [null, Buffer.concat([ascii, Uint8Array.from([0x80, 0xe9])]), 'windows-1252'],
      ['text/html; charset=shift_jis', Buffer.concat([ascii, Uint8Array.from([0x93, 0xfa, 0x5c, 0x96, 0x7b])]), 'shift_jis'],
      // ISO-2022-JP's escapes change what the ASCII bytes after them mean.
      ['text/html; charset=iso-2022-jp', Buffer.concat([ascii, latin1('\x1b$BF|K\\\x1b(B x')]), 'iso-2022-jp'],
    ];
    for (const [contentType, bytes, encoding] of cases) {
      // Streaming, as Node 20 decodes windows-1252 as Latin-1 in one call (0x80 is U+0080, not €).
      const whole = new TextDecoder(encoding);
      const expected = whole.decode(bytes, { stream: true }) + whole.decode();
      expect(expected).not.toMatch(/^<p>a*$/);
      for (const size of [1, 3, 1024, 1103, 4096]) {
        const decoder = createBodyDecoder(contentType);
        expect(decodeInChunks(decoder, bytes, size)).toBe(expected);
        expect(decoder.encoding).toBe(encoding);
      }
    }
  });

  it('keeps a U+FEFF that follows ASCII text, and drops a BOM at the start only', () => {
    const bytes = Buffer.concat([utf8('<p>'), Uint8Array.from([0xef, 0xbb, 0xbf]), utf8('x')]);
    for (const size of [1, 3, 4]) {
      expect(decodeInChunks(createBodyDecoder('text/html; charset=utf-8'), bytes, size)).toBe('<p>\uFEFFx');
    }
    expect(decodeInChunks(createBodyDecoder('text/html; charset=utf-8'), bytes.subarray(3), 1)).toBe('x');
  });

  it('holds nothing back once a header charset and three bytes are in', () => {
    const decoder = createBodyDecoder('text/html; charset=utf-8');
    expect(decoder.write(utf8('<p>'))).toBe('<p>');
    expect(decoder.write(utf8('ok'))).toBe('ok');
    expect(decoder.end()).toBe('');
  });

  it('drops the BOM from the text', () => {
    const decoder = createBodyDecoder(null);
    expect(decodeInChunks(decoder, Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 1)).toBe('a');
  });
});
