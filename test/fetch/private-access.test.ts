import { describe, expect, it } from 'vitest';
import type { AddressSpace } from '../../src/fetch/address-space.js';
import { isIpLiteral, mayConnect, responseSpace } from '../../src/fetch/private-access.js';

describe('mayConnect', () => {
  // [initiator, target, allowed]: every cell of the table.
  it.each([
    [null, 'public', true],
    [null, 'private', true],
    [null, 'local', true],
    ['public', 'public', true],
    ['public', 'private', false],
    ['public', 'local', false],
    ['private', 'public', true],
    ['private', 'private', true],
    ['private', 'local', false],
    ['local', 'public', true],
    ['local', 'private', true],
    ['local', 'local', true],
  ] as const satisfies readonly (readonly [AddressSpace | null, AddressSpace, boolean])[])(
    'from %s to %s: %s',
    (initiator, target, allowed) => {
      expect(mayConnect(initiator, target)).toBe(allowed);
    },
  );
});

describe('isIpLiteral', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.0.0.1', true],
    ['[::1]', true],
    ['[::ffff:7f00:1]', true],
    ['::1', true],
    ['localhost', false],
    ['example.com', false],
    ['xn--bcher-kva.example', false],
    ['1.2.3.4.example', false],
    ['[example.com]', false],
    ['', false],
  ] as const)('%j: %s', (hostname, literal) => {
    expect(isIpLiteral(hostname)).toBe(literal);
  });

  it('agrees with how WHATWG URLs write hosts', () => {
    expect(isIpLiteral(new URL('http://0x7f.1/').hostname)).toBe(true);
    expect(isIpLiteral(new URL('http://[0:0::1]:8080/').hostname)).toBe(true);
    expect(isIpLiteral(new URL('http://LOCALHOST/').hostname)).toBe(false);
  });
});

describe('responseSpace', () => {
  it('is the space of the address the response came from', () => {
    expect(responseSpace('203.0.113.10', 'http://127.0.0.1/')).toBe('public');
    expect(responseSpace('::ffff:127.0.0.1', 'http://example.com/')).toBe('local');
    expect(responseSpace('10.1.2.3', 'http://example.com/')).toBe('private');
  });

  it('through a proxy, is the host’s when it is an IP literal, else public', () => {
    expect(responseSpace(null, 'http://[::1]:8080/')).toBe('local');
    expect(responseSpace(null, 'http://192.168.0.1/')).toBe('private');
    expect(responseSpace(null, 'http://localhost/')).toBe('public');
  });
});
