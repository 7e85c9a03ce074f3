import { describe, expect, it } from 'vitest';
import { otherPrefixes, PathPrefixes } from '../../src/report/path-prefixes.js';

describe('PathPrefixes', () => {
  it('sums pages and bytes by the first two folders, heaviest first', () => {
    const prefixes = new PathPrefixes();
    prefixes.add('https://a.example/', 100);
    prefixes.add('https://a.example/about.html', 50);
    prefixes.add('https://a.example/docs/intro.html', 200);
    prefixes.add('https://a.example/docs/guide/one.html', 300);
    prefixes.add('https://a.example/docs/guide/deep/two.html', 400);
    prefixes.add('https://a.example/docs/api/x', 10);
    expect(prefixes.totals()).toEqual([
      {
        prefix: 'https://a.example/docs/',
        pages: 4,
        bytes: 910,
        children: [
          { prefix: 'https://a.example/docs/guide/', pages: 2, bytes: 700, children: [] },
          { prefix: 'https://a.example/docs/api/', pages: 1, bytes: 10, children: [] },
        ],
      },
      { prefix: 'https://a.example/', pages: 2, bytes: 150, children: [] },
    ]);
  });

  it('keeps at most maxPrefixes first-level prefixes and maxChildren under each; the rest is summed', () => {
    const prefixes = new PathPrefixes({ maxPrefixes: 2, maxChildren: 1 });
    for (let folder = 0; folder < 1000; folder++) prefixes.add(`https://a.example/f${folder}/x`, 1);
    prefixes.add('https://a.example/f0/a/x', 5);
    prefixes.add('https://a.example/f0/b/x', 7);
    const totals = prefixes.totals();
    // The summed rest comes last, however heavy.
    expect(totals.map((total) => [total.prefix, total.pages, total.bytes])).toEqual([
      ['https://a.example/f0/', 3, 13],
      ['https://a.example/f1/', 1, 1],
      [otherPrefixes, 998, 998],
    ]);
    expect(totals[0]?.children).toEqual([{ prefix: 'https://a.example/f0/a/', pages: 1, bytes: 5, children: [] }]);
  });

  it('skips what is not a URL', () => {
    const prefixes = new PathPrefixes();
    prefixes.add('not a url', 10);
    expect(prefixes.totals()).toEqual([]);
  });
});
