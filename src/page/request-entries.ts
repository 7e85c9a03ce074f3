import type { Exchange } from '../fetch/exchange-log.js';
import type { RequestEntry, ResourceType } from '../record.js';

/** The HAR entry of one request of the record at `index`, keys in RequestEntry's order. */
export function toRequestEntry(exchange: Exchange, index: number, resourceType: ResourceType, fromCache: boolean): RequestEntry {
  return {
    index,
    url: exchange.url,
    resourceType,
    fromCache,
    startedAt: exchange.startedAt,
    requestHeaders: exchange.requestHeaders,
    status: exchange.status,
    statusText: exchange.statusText,
    httpVersion: exchange.httpVersion,
    responseHeaders: exchange.responseHeaders,
    headerBytes: exchange.headerBytes,
    encodedBytes: exchange.encodedBytes,
    bytes: exchange.bytes,
    contentType: exchange.contentType,
    redirectUrl: exchange.redirectUrl,
    timings: exchange.timings,
    error: exchange.error,
  };
}

/** Tells `onRequest` of each request of one resource: its redirect hops (as `other`), then itself. */
export function reportRequests(
  onRequest: ((entry: RequestEntry) => void) | undefined,
  exchanges: readonly Exchange[],
  index: number,
  resourceType: ResourceType,
  fromCache: boolean,
): void {
  if (onRequest === undefined) return;
  const last = exchanges.length - 1;
  exchanges.forEach((exchange, position) => {
    onRequest(toRequestEntry(exchange, index, position === last ? resourceType : 'other', fromCache));
  });
}
