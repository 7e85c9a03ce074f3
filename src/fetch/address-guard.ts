import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Dispatcher } from 'undici';
import { MeasureError } from '../errors.js';
import { addressSpace, type AddressSpace } from './address-space.js';
import { isIpLiteral, mayConnect } from './private-access.js';

/** The initiator spaces that restrict anything: a local page may lead anywhere. */
export type CheckedSpace = Exclude<AddressSpace, 'local'>;

function blocked(initiator: CheckedSpace, host: string, address: string): MeasureError {
  const target = addressSpace(address);
  const via = host === address ? '' : ` (${host})`;
  return new MeasureError('BLOCKED', `${address}${via} is a ${target} address, where a page on a ${initiator} address may not lead`);
}

// Not an IP address at all is left to net, which refuses to connect to it.
function allows(initiator: CheckedSpace, address: string): boolean {
  return isIP(address) === 0 || mayConnect(initiator, addressSpace(address));
}

/**
 * `lookup` (dns.lookup by default) with every answer checked before net
 * connects to it: an address more private than `initiator` is dropped, and a
 * name with no address left fails as `BLOCKED`. net calls it for each new
 * connection, so a name that resolves public first and private later (DNS
 * rebinding) is checked again each time.
 */
export function guardLookup(initiator: CheckedSpace, lookup: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, answer, family) => {
      if (error !== null) {
        callback(error, answer, family);
      } else if (Array.isArray(answer)) {
        // net asks for every address (`all: true`) when it may try several.
        const allowed = answer.filter((entry: LookupAddress) => allows(initiator, entry.address));
        const [first] = answer;
        if (first !== undefined && allowed.length === 0) callback(blocked(initiator, hostname, first.address), []);
        else callback(null, allowed);
      } else if (allows(initiator, answer)) {
        callback(null, answer, family);
      } else {
        callback(blocked(initiator, hostname, answer), '', family);
      }
    });
  };
}

/**
 * An interceptor that fails a request to an IP-literal host more private than
 * `initiator` before anything is sent: net connects to a literal without any
 * lookup, and through a proxy, which resolves names itself, literals are all
 * that can be checked. Placed inside the redirect handling, it sees every hop.
 */
export function refuseLiteralHosts(initiator: CheckedSpace): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const { hostname } = new URL(String(options.origin));
    const address = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
    if (!isIpLiteral(hostname) || allows(initiator, address)) return dispatch(options, handler);
    // As undici's own dns interceptor fails a request: no controller, since none was made.
    handler.onResponseError?.(null as unknown as Dispatcher.DispatchController, blocked(initiator, address, address));
    return true;
  };
}
