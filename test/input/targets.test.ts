import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../src/errors.js';
import { redactCredentials, toTarget } from '../../src/input/targets.js';

describe('toTarget', () => {
  it('puts https:// in front of a line without a scheme', () => {
    const target = toTarget('example.com/a');
    expect(target).not.toBeInstanceOf(MeasureError);
    expect((target as { url: URL }).url.href).toBe('https://example.com/a');
    expect((toTarget('localhost:8080/x') as { url: URL }).url.href).toBe('https://localhost:8080/x');
  });

  it('keeps http and https as given', () => {
    expect((toTarget('http://127.0.0.1:9/p?q=1') as { url: URL }).url.href).toBe('http://127.0.0.1:9/p?q=1');
  });

  it.each([
    ['file:///etc/passwd', 'UNSUPPORTED_PROTOCOL'],
    ['ftp://example.com/', 'UNSUPPORTED_PROTOCOL'],
    ['ws://example.com/', 'UNSUPPORTED_PROTOCOL'],
    ['http://exa mple.com/', 'INVALID_URL'],
    ['https://', 'INVALID_URL'],
    ['http://[::1/', 'INVALID_URL'],
    ['data:text/plain,hi', 'INVALID_URL'],
  ])('turns %s into %s', (line, code) => {
    const target = toTarget(line);
    expect(target).toBeInstanceOf(MeasureError);
    expect((target as MeasureError).code).toBe(code);
  });

  it('moves credentials into Basic auth and out of the URL', () => {
    const target = toTarget('https://al%20ice:s%3Acret@example.com/x') as { url: URL; authorization: string };
    expect(target.url.href).toBe('https://example.com/x');
    expect(Buffer.from(target.authorization.replace('Basic ', ''), 'base64').toString()).toBe('al ice:s:cret');
  });
});

describe('redactCredentials', () => {
  it.each([
    ['https://user:secret@example.com/a', 'https://user:***@example.com/a'],
    ['user:secret@example.com/a', 'user:***@example.com/a'],
    ['http://user:p@ss@host/x?y=a:b@c', 'http://user:***@host/x?y=a:b@c'],
    ['https://example.com/a:b@c', 'https://example.com/a:b@c'],
    ['https://user@example.com/', 'https://user@example.com/'],
    ['https://example.com:8080/', 'https://example.com:8080/'],
  ])('shows %s as %s', (line, shown) => {
    expect(redactCredentials(line)).toBe(shown);
  });
});
