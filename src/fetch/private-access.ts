import { isIP } from 'node:net';
import { addressSpace, type AddressSpace } from './address-space.js';

const privacy: Readonly<Record<AddressSpace, number>> = { public: 0, private: 1, local: 2 };

/**
 * Whether a request may connect to an address in `target`'s space.
 *
 * `initiator` is the space of the address the page that named the URL came
 * from, or null when the user named the URL: what the user names is trusted.
 * A page may lead only to a space at most as private as its own, so a public
 * page cannot reach a private or local address, nor a private page a local one.
 */
export function mayConnect(initiator: AddressSpace | null, target: AddressSpace): boolean {
  return initiator === null || privacy[target] <= privacy[initiator];
}

/**
 * Whether a URL's hostname is an IP address (IPv6 in brackets, as WHATWG URLs
 * write it) rather than a name. Through a proxy, which resolves names itself,
 * only such hosts can be checked before anything is sent.
 */
export function isIpLiteral(hostname: string): boolean {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) !== 0;
}

/**
 * The space that the URLs a response names are checked against: that of the
 * address it came from. Through a proxy that address is unknown, so it is the
 * host's if the host is an IP literal, else public, the strictest.
 */
export function responseSpace(peer: string | null, url: string): AddressSpace {
  if (peer !== null) return addressSpace(peer);
  const { hostname } = new URL(url);
  return isIpLiteral(hostname) ? addressSpace(hostname) : 'public';
}
