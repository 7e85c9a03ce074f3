import { describe, expect, it } from 'vitest';
import { SiteScope } from '../../src/crawl/site-scope.js';

describe('SiteScope', () => {
  it('by default, keeps to each start URL up to the last / of its path', () => {
    const scope = new SiteScope([]);
    scope.addStart('https://a.example/docs/intro.html');
    scope.addStart('https://b.example/');
    expect(scope.includes('https://a.example/docs/')).toBe(true);
    expect(scope.includes('https://a.example/docs/deep/page?x=/y')).toBe(true);
    expect(scope.includes('https://a.example/docs-old/')).toBe(false);
    expect(scope.includes('https://a.example/')).toBe(false);
    expect(scope.includes('https://b.example/anything')).toBe(true);
    expect(scope.includes('http://b.example/anything')).toBe(false);
  });

  it('with prefixes, keeps to them alone, compared as normalised URLs', () => {
    const scope = new SiteScope(['HTTPS://A.example:443/docs', 'https://c.example/blog/']);
    scope.addStart('https://z.example/');
    expect(scope.includes('https://a.example/docs-old/x')).toBe(true);
    expect(scope.includes('https://c.example/blog/post')).toBe(true);
    expect(scope.includes('https://z.example/')).toBe(false);
  });
});
