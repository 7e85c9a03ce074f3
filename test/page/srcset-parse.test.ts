import { describe, expect, it } from 'vitest';
import { parseSrcset } from '../../src/page/srcset-parse.js';

describe('parseSrcset', () => {
  it.each([
    ['a.jpg', [{ url: 'a.jpg' }]],
    [
      'a.jpg 1x, b.jpg 2x',
      [
        { url: 'a.jpg', density: 1 },
        { url: 'b.jpg', density: 2 },
      ],
    ],
    [
      'a.jpg 100w,b.jpg 200w',
      [
        { url: 'a.jpg', width: 100 },
        { url: 'b.jpg', width: 200 },
      ],
    ],
    ['  \n a.jpg   1.5x  ,\t b.jpg ', [{ url: 'a.jpg', density: 1.5 }, { url: 'b.jpg' }]],
    // Commas inside a URL stay in it; a trailing comma ends the candidate.
    [
      'a,b.jpg 1x, c.jpg,d.jpg 2x',
      [
        { url: 'a,b.jpg', density: 1 },
        { url: 'c.jpg,d.jpg', density: 2 },
      ],
    ],
    ['a.jpg,, b.jpg 2x', [{ url: 'a.jpg' }, { url: 'b.jpg', density: 2 }]],
    ['data:image/png;base64,AAAA 1x', [{ url: 'data:image/png;base64,AAAA', density: 1 }]],
    [',,, ,', []],
    ['', []],
    ['a.jpg 100w 50h', [{ url: 'a.jpg', width: 100 }]],
    ['a.jpg 0x', [{ url: 'a.jpg', density: 0 }]],
    ['a.jpg .5x', [{ url: 'a.jpg', density: 0.5 }]],
    ['a.jpg 1e1x', [{ url: 'a.jpg', density: 10 }]],
    // Parentheses hold spaces and commas within one descriptor token (then unknown, so dropped).
    ['a.jpg (x, y) 1x, b.jpg 2x', [{ url: 'b.jpg', density: 2 }]],
  ])('%j', (value, expected) => {
    expect(parseSrcset(value)).toEqual(expected);
  });

  it.each([
    'a.jpg 100w 2x',
    'a.jpg 2x 100w',
    'a.jpg 1x 2x',
    'a.jpg 100w 200w',
    'a.jpg 0w',
    'a.jpg -1w',
    'a.jpg 1.5w',
    'a.jpg +2x',
    'a.jpg -1x',
    'a.jpg 0x10x',
    'a.jpg 2',
    'a.jpg 2y',
    'a.jpg 50h',
    'a.jpg Infinityx',
    'a.jpg 1.x',
    'a.jpg 2X',
    'a.jpg 1e+x',
  ])('drops the invalid candidate in %j', (value) => {
    expect(parseSrcset(`${value}, ok.jpg`)).toEqual([{ url: 'ok.jpg' }]);
  });
});
