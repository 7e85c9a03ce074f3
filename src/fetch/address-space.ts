import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { BoundedCache } from '../bounded-cache.js';

/**
 * The three address spaces of browsers' private network access rules, from
 * most to least private.
 */
export type AddressSpace = 'local' | 'private' | 'public';

type Family = 'ipv4' | 'ipv6';

// Only the ranges the SPEC names: anything else (documentation, benchmarking
// or reserved blocks) is routed like the public internet, or not at all.
const ranges: readonly (readonly [AddressSpace, Family, string, number])[] = [
  // Loopback, and "this host": Linux connects 0.0.0.0 to the local machine.
  ['local', 'ipv4', '127.0.0.0', 8],
  ['local', 'ipv4', '0.0.0.0', 8],
  ['local', 'ipv6', '::1', 128],
  ['local', 'ipv6', '::', 128],
  // RFC 1918, CGNAT (RFC 6598), link-local (cloud metadata at 169.254.169.254).
  ['private', 'ipv4', '10.0.0.0', 8],
  ['private', 'ipv4', '172.16.0.0', 12],
  ['private', 'ipv4', '192.168.0.0', 16],
  ['private', 'ipv4', '100.64.0.0', 10],
  ['private', 'ipv4', '169.254.0.0', 16],
  // Unique-local (RFC 4193) and link-local.
  ['private', 'ipv6', 'fc00::', 7],
  ['private', 'ipv6', 'fe80::', 10],
];

function buildLists(): ReadonlyMap<AddressSpace, BlockList> {
  const lists = new Map<AddressSpace, BlockList>();
  for (const [space, family, network, prefix] of ranges) {
    const list = lists.get(space) ?? new BlockList();
    list.addSubnet(network, prefix, family);
    lists.set(space, list);
  }
  return lists;
}

const lists = buildLists();

// `::ffff:a.b.c.d` reaches the IPv4 host a.b.c.d. The WHATWG host parser
// writes any spelling of it in one form, `::ffff:xxxx:yyyy`, which is read here.
function mappedIPv4(address: string): string | null {
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const prefix = '::ffff:';
  if (!canonical.startsWith(prefix)) return null;
  const groups = canonical.slice(prefix.length).split(':');
  if (groups.length !== 2) return null;
  const bytes = groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
  return bytes.join('.');
}

/**
 * The address space of an IP address, as a socket's `remoteAddress` or a URL's
 * hostname has it (brackets and an IPv6 zone such as `%eth0` are allowed).
 * IPv4-mapped IPv6 addresses count as the IPv4 address they carry.
 *
 * @throws {TypeError} when `address` is not an IP address.
 */
export function addressSpace(address: string): AddressSpace {
  return knownSpaces.get(address);
}

function spaceOf(address: string): AddressSpace {
  let bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const zone = bare.indexOf('%');
  if (zone !== -1) bare = bare.slice(0, zone);
  let family: Family;
  if (isIPv4(bare)) {
    family = 'ipv4';
  } else if (isIPv6(bare)) {
    const carried = mappedIPv4(bare);
    if (carried !== null) return spaceOf(carried);
    family = 'ipv6';
  } else {
    throw new TypeError(`Expected an IP address, got ${JSON.stringify(address)}`);
  }
  for (const [space, list] of lists) {
    if (list.check(bare, family)) return space;
  }
  return 'public';
}

// Every response is checked, and a run meets few distinct peers: remembered,
// the check costs a Map lookup instead of a BlockList walk (a SocketAddress per list).
const knownSpaces = new BoundedCache(spaceOf);
