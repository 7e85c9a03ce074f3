import { describe, expect, it } from 'vitest';
import { parseImportPrelude } from '../../src/page/css-import.js';

// [prelude, URL and media, or undefined]
const cases: [string, { url: string; media: string } | undefined][] = [
  ['url(a.css)', { url: 'a.css', media: '' }],
  ['url( "a b.css" )', { url: 'a b.css', media: '' }],
  ["url('a.css') screen", { url: 'a.css', media: 'screen' }],
  ['"a.css"', { url: 'a.css', media: '' }],
  ["'a.css' print, screen and (min-width: 40em)", { url: 'a.css', media: 'print, screen and (min-width: 40em)' }],
  ['url(a\\).css)', { url: 'a).css', media: '' }],
  ['url(a.css) layer', { url: 'a.css', media: '' }],
  ['url(a.css) layer(base) screen', { url: 'a.css', media: 'screen' }],
  ['url(a.css) supports(display: grid) (min-width: 600px)', { url: 'a.css', media: '(min-width: 600px)' }],
  ['url(a.css) layer(x) supports(not (display: grid)) print', { url: 'a.css', media: 'print' }],
  ['a.css', undefined],
  ['', undefined],
  ['screen', undefined],
];

describe('parseImportPrelude', () => {
  it.each(cases)('%s', (prelude, expected) => {
    expect(parseImportPrelude(prelude)).toEqual(expected);
  });
});
