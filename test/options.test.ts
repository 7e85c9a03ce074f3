import { describe, expect, it } from 'vitest';
import { parseHeader, parseInteger, parseSeconds, parseSize } from '../src/option-values.js';
import { resolveOptions } from '../src/options.js';

describe('option parsers', () => {
  it.each([
    ['100', 100],
    ['1k', 1024],
    ['1.5K', 1536],
    ['10M', 10 * 1024 ** 2],
    ['2g', 2 * 1024 ** 3],
  ])('parseSize(%s) = %d', (value, bytes) => {
    expect(parseSize(value)).toBe(bytes);
  });

  it.each(['', '0', '12X', '-1k', 'k', '1 M B'])('parseSize rejects %j', (value) => {
    expect(() => parseSize(value)).toThrow(TypeError);
  });

  it('parses whole numbers and seconds', () => {
    expect(parseInteger('10', 1)).toBe(10);
    expect(parseInteger('0', 0)).toBe(0);
    expect(parseSeconds('0.25')).toBe(0.25);
    for (const bad of ['0', '-1', 'abc', '1.5', '']) expect(() => parseInteger(bad, 1)).toThrow(TypeError);
    for (const bad of ['0', '-1', 'abc', '', 'Infinity']) expect(() => parseSeconds(bad)).toThrow(TypeError);
  });

  it('parses headers and refuses malformed ones', () => {
    expect(parseHeader('X-Token:  a b ')).toEqual(['x-token', 'a b']);
    expect(parseHeader('Accept-Encoding:')).toEqual(['accept-encoding', '']);
    for (const bad of ['novalue', ': v', 'bad name: v']) expect(() => parseHeader(bad)).toThrow(TypeError);
  });
});

describe('resolveOptions', () => {
  it('fills in the defaults', () => {
    const options = resolveOptions({}, 'sitesize/1.0.0');
    expect(options).toMatchObject({
      concurrency: 10,
      timeoutMs: 30_000,
      connectTimeoutMs: 10_000,
      maxRedirects: 10,
      follow: true,
      maxSize: Infinity,
      compression: true,
      insecure: false,
      ordered: false,
      allowPrivate: false,
      headers: { 'user-agent': 'sitesize/1.0.0', 'accept-encoding': 'gzip, deflate, br' },
    });
  });

  it('lets headers override and remove the defaults', () => {
    const options = resolveOptions({ userAgent: 'bot', headers: { 'Accept-Encoding': '', 'X-A': 'b' }, compression: true }, 'sitesize/1');
    expect(options.headers).toEqual({ 'user-agent': 'bot', 'x-a': 'b' });
    expect(resolveOptions({ compression: false }, 'ua').headers).toEqual({ 'user-agent': 'ua' });
  });

  it.each([{ concurrency: 0 }, { concurrency: 1.5 }, { timeout: 0 }, { maxRedirects: -1 }, { maxSize: 0 }])('refuses %j', (options) => {
    expect(() => resolveOptions(options, 'ua')).toThrow(/Expected `\w+` to be/);
  });

  it('refuses an allowPrivate that is not a boolean', () => {
    expect(() => resolveOptions({ allowPrivate: 'yes' as unknown as boolean }, 'ua')).toThrow(
      'Expected `allowPrivate` to be a boolean, got yes',
    );
  });
});
