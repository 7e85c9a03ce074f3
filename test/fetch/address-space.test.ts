import { describe, expect, it } from 'vitest';
import { addressSpace, type AddressSpace } from '../../src/fetch/address-space.js';

// Each range at its edges: the first and last address inside, and the first
// address outside on either side.
const edges: readonly (readonly [string, AddressSpace])[] = [
  ['0.0.0.0', 'local'],
  ['0.255.255.255', 'local'],
  ['1.0.0.0', 'public'],
  ['126.255.255.255', 'public'],
  ['127.0.0.0', 'local'],
  ['127.0.0.1', 'local'],
  ['127.255.255.255', 'local'],
  ['128.0.0.0', 'public'],
  ['9.255.255.255', 'public'],
  ['10.0.0.0', 'private'],
  ['10.255.255.255', 'private'],
  ['11.0.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.64.0.0', 'private'],
  ['100.127.255.255', 'private'],
  ['100.128.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['169.254.0.0', 'private'],
  ['169.254.169.254', 'private'],
  ['169.254.255.255', 'private'],
  ['169.255.0.0', 'public'],
  ['172.15.255.255', 'public'],
  ['172.16.0.0', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.0', 'public'],
  ['192.167.255.255', 'public'],
  ['192.168.0.0', 'private'],
  ['192.168.255.255', 'private'],
  ['192.169.0.0', 'public'],
  ['8.8.8.8', 'public'],
  ['255.255.255.255', 'public'],
  ['::', 'local'],
  ['::1', 'local'],
  ['::2', 'public'],
  ['0:0:0:0:0:0:0:1', 'local'],
  ['fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['fc00::', 'private'],
  ['fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
  ['fe00::', 'public'],
  ['fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'public'],
  ['fe80::', 'private'],
  ['fe80::1', 'private'],
  ['febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 'private'],
  ['fec0::', 'public'],
  ['FE80::1', 'private'],
  ['2606:4700::1111', 'public'],
];

describe('addressSpace', () => {
  it.each(edges)('puts %s in the %s space', (address, space) => {
    expect(addressSpace(address)).toBe(space);
  });

  it.each([
    ['::ffff:127.0.0.1', 'local'],
    ['::ffff:7f00:1', 'local'],
    ['0:0:0:0:0:ffff:7f00:0001', 'local'],
    ['::ffff:0.0.0.0', 'local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'private'],
    ['::FFFF:C0A8:0101', 'private'],
    ['::ffff:172.32.0.0', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:808:808', 'public'],
  ] as const)('counts the IPv4-mapped %s as the IPv4 address it carries (%s)', (address, space) => {
    expect(addressSpace(address)).toBe(space);
  });

  it.each([
    ['[::1]', 'local'],
    ['[::ffff:7f00:1]', 'local'],
    ['fe80::1%eth0', 'private'],
    ['[fe80::1%25eth0]', 'private'],
  ] as const)('reads %s as a URL or a socket writes it (%s)', (address, space) => {
    expect(addressSpace(address)).toBe(space);
  });

  it.each(['', 'localhost', 'example.com', '127.1', '256.0.0.1', '1.2.3.4.5', '[::1', 'fe80::1::2', '::ffff:1.2.3'])(
    'refuses %j, which is not an IP address',
    (address) => {
      expect(() => addressSpace(address)).toThrow(TypeError);
    },
  );
});
