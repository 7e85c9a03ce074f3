import { describe, expect, it } from 'vitest';
import { LinkResolver } from '../../src/crawl/link-resolver.js';
import { normalizedHref } from '../../src/crawl/normalize-url.js';
import { resolveHttpUrl } from '../../src/page/resolve-url.js';

// What the resolver must give: the URL parser's answer in the crawl's form.
function parsed(href: string, base: string): string | undefined {
  const url = resolveHttpUrl(href, base);
  return url === undefined ? undefined : normalizedHref(url);
}

// A small deterministic generator, so a failing case can be replayed.
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 2 ** 32) * below);
  };
}

const bases = [
  'https://example.com/dir/page.html',
  'https://example.com/dir/',
  'https://example.com',
  'http://User:pw@EXAMPLE.com:8080/a/b?q=/x/y#frag',
  'https://example.com/%7euser/caf%c3%a9/x%2Fy/index.html?utm_source=z',
  'https://example.com/a/b/..;/c',
  'https://[::1]:443/v6/',
  'javascript:void(0)',
  'not a url',
];

describe('LinkResolver', () => {
  it.each([
    ['p1.html', 'https://example.com/dir/page.html', 'https://example.com/dir/p1.html'],
    ['sub/p1.html', 'https://example.com/dir/', 'https://example.com/dir/sub/p1.html'],
    ['p1.html', 'http://User:pw@EXAMPLE.com:8080/a/b?q=/x/y#frag', 'http://User:pw@example.com:8080/a/p1.html'],
    ['../up.html', 'https://example.com/dir/page.html', 'https://example.com/up.html'],
    ['./here.html', 'https://example.com/dir/page.html', 'https://example.com/dir/here.html'],
    ['a/./b', 'https://example.com/dir/page.html', 'https://example.com/dir/a/b'],
    ['p1.html', 'javascript:void(0)', undefined],
  ])('resolves %j against %j', (href, base, expected) => {
    expect(new LinkResolver().resolve(href, base)).toBe(expected);
    expect(parsed(href, base)).toBe(expected);
  });

  it('gives what the URL parser gives, for any mix of characters and bases', () => {
    const next = random(7);
    const pieces = [
      'a',
      'Z',
      '0',
      '-',
      '_',
      '~',
      '.',
      '..',
      '/',
      '//',
      '%2e',
      '%7E',
      '\\',
      ':',
      '?',
      '#',
      ' ',
      '\t',
      'é',
      'index.html',
      'x:y',
      'http:',
      '//h.example',
    ];
    const resolver = new LinkResolver();
    for (let i = 0; i < 20_000; i++) {
      let href = '';
      const length = next(6);
      for (let j = 0; j < length; j++) href += pieces[next(pieces.length)] ?? '';
      const base = bases[next(bases.length)] ?? '';
      expect([href, base, resolver.resolve(href, base)]).toEqual([href, base, parsed(href, base)]);
    }
  });
});
