import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '../../src/crawl/normalize-url.js';

const base = 'https://a.example/docs/guide/intro.html';

const cases: readonly (readonly [string, string])[] = [
  // Resolution against the page.
  ['next.html', 'https://a.example/docs/guide/next.html'],
  ['../api/', 'https://a.example/docs/api/'],
  ['/', 'https://a.example/'],
  ['//b.example/x', 'https://b.example/x'],
  ['?page=2', 'https://a.example/docs/guide/intro.html?page=2'],
  ['  spaced.html  ', 'https://a.example/docs/guide/spaced.html'],
  // Scheme, host and port.
  ['HTTPS://A.EXAMPLE/Docs/', 'https://a.example/Docs/'],
  ['http://a.example:80/x', 'http://a.example/x'],
  ['https://a.example:443/x', 'https://a.example/x'],
  ['https://a.example:8443/x', 'https://a.example:8443/x'],
  ['http://a.example:443/x', 'http://a.example:443/x'],
  ['https://a.example', 'https://a.example/'],
  ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
  ['http://[0:0::1]:8080/x', 'http://[::1]:8080/x'],
  ['https://a.example/a/./b/../c', 'https://a.example/a/c'],
  ['https://a.example/a/%2e%2E/c', 'https://a.example/c'],
  // Fragments.
  ['#top', 'https://a.example/docs/guide/intro.html'],
  ['other.html#part', 'https://a.example/docs/guide/other.html'],
  ['https://a.example/x?q=1#frag', 'https://a.example/x?q=1'],
  ['https://a.example/x?#', 'https://a.example/x'],
  // Tracking parameters, and the rest of the query in its order.
  ['/x?utm_source=news&utm_medium=mail', 'https://a.example/x'],
  ['/x?b=2&utm_campaign=c&a=1', 'https://a.example/x?b=2&a=1'],
  ['/x?gclid=abc&z=1&fbclid=def', 'https://a.example/x?z=1'],
  ['/x?utm_=1&keep=1', 'https://a.example/x?keep=1'],
  ['/x?utm%5Fsource=1&keep=1', 'https://a.example/x?keep=1'],
  ['/x?utmsource=1&gclid_x=2&xfbclid=3', 'https://a.example/x?utmsource=1&gclid_x=2&xfbclid=3'],
  ['/x?UTM_source=1', 'https://a.example/x?UTM_source=1'],
  ['/x?q=utm_source', 'https://a.example/x?q=utm_source'],
  ['/x?a=1&a=2&b', 'https://a.example/x?a=1&a=2&b'],
  ['/x?q=a+b&r=%20', 'https://a.example/x?q=a+b&r=%20'],
  ['/x?z=1&y=2&x=3', 'https://a.example/x?z=1&y=2&x=3'],
  // Percent-encoding.
  ['/%7euser/', 'https://a.example/~user/'],
  ['/%41%62%30%2D%2E%5F%7E', 'https://a.example/Ab0-._~'],
  ['/a%2fb', 'https://a.example/a%2Fb'],
  ['/a%2Fb', 'https://a.example/a%2Fb'],
  ['/%e2%82%ac', 'https://a.example/%E2%82%AC'],
  ['/€', 'https://a.example/%E2%82%AC'],
  ['/a b', 'https://a.example/a%20b'],
  ['/%zz%4', 'https://a.example/%zz%4'],
  ['/%2541', 'https://a.example/%2541'],
  ['/x?q=%7e%2f', 'https://a.example/x?q=~%2F'],
  // Credentials stay part of the URL's identity.
  ['https://user:pw@a.example/x', 'https://user:pw@a.example/x'],
  ['https://user@a.example/x', 'https://user@a.example/x'],
];

describe('normalizeUrl', () => {
  it.each(cases)('makes %j into %s', (href, normalized) => {
    expect(normalizeUrl(href, base)).toBe(normalized);
  });

  it.each(cases)('leaves the form of %j as it is when it meets it again', (href) => {
    const once = normalizeUrl(href, base);
    expect(once).not.toBeNull();
    expect(normalizeUrl(once ?? '')).toBe(once);
    expect(new URL(once ?? '').href).toBe(once);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:void(0)',
    'mailto:someone@a.example',
    'tel:+123',
    'data:text/html,hi',
    'blob:https://a.example/uuid',
    'ftp://a.example/file',
    'file:///etc/passwd',
    'ws://a.example/socket',
  ])('leaves out %j, which is not http(s)', (href) => {
    expect(normalizeUrl(href, base)).toBeNull();
  });

  it.each(['http://', 'https://exa mple.com/', 'http://[::1/', 'http://a.example:99999/'])('leaves out %j, which is not a URL', (href) => {
    expect(normalizeUrl(href, base)).toBeNull();
  });

  it('needs a base for a relative link', () => {
    expect(normalizeUrl('next.html')).toBeNull();
    expect(normalizeUrl('next.html', new URL(base))).toBe('https://a.example/docs/guide/next.html');
  });
});
