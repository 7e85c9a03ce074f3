import { describe, expect, it } from 'vitest';
import { defaultScope, inScope, scopePrefix } from '../../src/crawl/scope.js';

describe('defaultScope', () => {
  it.each([
    ['https://a.example/docs/intro.html', 'https://a.example/docs/'],
    ['https://a.example/docs/', 'https://a.example/docs/'],
    ['https://a.example/docs', 'https://a.example/'],
    ['https://a.example', 'https://a.example/'],
    ['https://a.example/', 'https://a.example/'],
    ['https://a.example/a/b/c.php?x=1/2#y/z', 'https://a.example/a/b/'],
    ['https://a.example/docs/?utm_source=x', 'https://a.example/docs/'],
    ['HTTP://A.EXAMPLE:80/Docs/Intro', 'http://a.example/Docs/'],
    ['https://a.example:8443/x/y', 'https://a.example:8443/x/'],
    ['https://a.example/%7euser/page', 'https://a.example/~user/'],
    ['http://[::1]:3000/app/index.html', 'http://[::1]:3000/app/'],
  ])('crawls from %s within %s', (start, scope) => {
    expect(defaultScope(start)).toBe(scope);
  });

  it.each(['ftp://a.example/', 'not a url', 'javascript:alert(1)'])('has none for %j', (start) => {
    expect(defaultScope(start)).toBeNull();
  });
});

describe('scopePrefix', () => {
  it.each([
    ['HTTPS://A.example:443/docs', 'https://a.example/docs'],
    ['https://a.example', 'https://a.example/'],
    ['https://a.example/docs/#part', 'https://a.example/docs/'],
    ['https://a.example/%7Eu/', 'https://a.example/~u/'],
  ])('compares %s as %s', (prefix, normalized) => {
    expect(scopePrefix(prefix)).toBe(normalized);
  });

  it('has none for what is not an http(s) URL', () => {
    expect(scopePrefix('/docs/')).toBeNull();
    expect(scopePrefix('file:///docs/')).toBeNull();
  });
});

describe('inScope', () => {
  const prefixes = ['https://a.example/docs/', 'https://b.example/blog'];

  it.each([
    ['https://a.example/docs/', true],
    ['https://a.example/docs/x/y.html', true],
    ['https://a.example/docs/?q=1', true],
    ['https://a.example/docs', false],
    ['https://a.example/doc/', false],
    ['https://a.example/', false],
    ['http://a.example/docs/', false],
    ['https://a.example:8443/docs/', false],
    ['https://sub.a.example/docs/', false],
    ['https://b.example/blog', true],
    ['https://b.example/blog-old/', true],
    ['https://b.example/', false],
  ])('%s: %s', (url, expected) => {
    expect(inScope(url, prefixes)).toBe(expected);
  });

  it('takes nothing in with no prefixes', () => {
    expect(inScope('https://a.example/', [])).toBe(false);
  });
});
