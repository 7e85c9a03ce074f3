import { describe, expect, it } from 'vitest';
import { registrableDomain } from '../../src/page/registrable-domain.js';

describe('registrableDomain', () => {
  it('takes the registrable domain by the public suffix list, its private section included', () => {
    expect(registrableDomain('https://www.example.co.uk/a')).toBe('example.co.uk');
    expect(registrableDomain('https://cdn.example.com/x.js')).toBe('example.com');
    expect(registrableDomain('https://someone.github.io/page')).toBe('someone.github.io');
  });

  it('falls back to the host where there is no registrable domain', () => {
    expect(registrableDomain('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(registrableDomain('http://[::1]/')).toBe('[::1]');
    expect(registrableDomain('http://localhost/')).toBe('localhost');
  });

  it('gives each URL its own host, however the ones before it were spelled', () => {
    const urls = [
      'https://a.example.com/x',
      'https://A.EXAMPLE.com:443/y',
      'https://a.example.com?q=/b.example.org/',
      'http:///b.example.org/x',
      'http:///c.example.net/x',
      'https://u:p@d.example.io/',
      'http://a.example.com\\e.example.info/x',
    ];
    const parsedHost = (url: string): string | undefined => URL.parse(url)?.hostname;
    expect(urls.map(registrableDomain)).toEqual([
      'example.com',
      'example.com',
      'example.com',
      'example.org',
      'example.net',
      'example.io',
      'example.com',
    ]);
    expect(urls.map(parsedHost)).toEqual([
      'a.example.com',
      'a.example.com',
      'a.example.com',
      'b.example.org',
      'c.example.net',
      'd.example.io',
      'a.example.com',
    ]);
  });
});
