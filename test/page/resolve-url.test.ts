import { describe, expect, it } from 'vitest';
import { resolveUrl } from '../../src/page/resolve-url.js';

const base = 'https://example.com/dir/page.html?q=1';

describe('resolveUrl', () => {
  it.each([
    ['a.png', 'https://example.com/dir/a.png'],
    ['/a.png', 'https://example.com/a.png'],
    ['../a.png', 'https://example.com/a.png'],
    ['//cdn.example.net/a.png', 'https://cdn.example.net/a.png'],
    ['http://other.example/x#frag', 'http://other.example/x'],
    ['a.png#', 'https://example.com/dir/a.png'],
    ['  a b.png \n', 'https://example.com/dir/a%20b.png'],
    ['a\n.png', 'https://example.com/dir/a.png'],
    ['?x=2', 'https://example.com/dir/page.html?x=2'],
    ['#top', 'https://example.com/dir/page.html?q=1'],
    ['HTTPS://EXAMPLE.COM:443/A', 'https://example.com/A'],
    ['', undefined],
    ['   ', undefined],
    ['data:image/png;base64,AAAA', undefined],
    ['blob:https://example.com/1', undefined],
    ['javascript:alert(1)', undefined],
    ['mailto:a@example.com', undefined],
    ['ftp://example.com/a', undefined],
    ['http://[bad', undefined],
  ])('%j', (reference, expected) => {
    expect(resolveUrl(reference, base)).toBe(expected);
  });
});
