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
});
