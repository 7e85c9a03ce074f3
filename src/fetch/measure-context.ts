import type { SizeRecord } from '../record.js';
import type { Slots } from '../pool/slots.js';
import type { AddressSpace } from './address-space.js';
import type { Connections } from './connections.js';
import type { Exchange } from './exchange-log.js';
import type { Measurement } from './measurement.js';

/** One attempt's record, and the server's Retry-After if it sent one. */
export interface Attempt {
  record: SizeRecord;
  retryAfter: string | undefined;
  /** With `AttemptOf.exchanges`: every request made, each redirect hop first, the one the record describes last. */
  exchanges?: Exchange[];
  /**
   * When a response came: the address space it came from, the `initiator` of
   * the URLs its body names (through a proxy, the host's if an IP literal,
   * else public).
   */
  addressSpace?: AddressSpace;
}

/** What one measurement needs of the run's options. */
export interface RequestOptions {
  timeoutMs: number;
  maxSize: number;
  maxRedirects: number;
  follow: boolean;
  compression: boolean;
  headers: Record<string, string>;
}

/** What every measurement of one run shares. */
export interface MeasureContext {
  options: RequestOptions;
  connections: Connections;
  /** The measurements in flight, so that aborting the run reaches each of them. */
  inFlight: Slots<Measurement>;
}

/** Which URL of the input this is, and which of its attempts. */
export interface AttemptOf {
  url: string;
  index: number;
  attempt: number;
  /** When the first attempt started (`performance.now()`), for `timings.total`. */
  firstStart: number;
  /**
   * For a URL that a page named (a subresource, a link, a sitemap entry): the
   * `addressSpace` of the response that named it. The request, its redirects
   * included, ends as `BLOCKED` with nothing sent if it would connect to a more
   * private address (unless `allowPrivate`). Absent or null: the user named
   * it, and it is never refused.
   */
  initiator?: AddressSpace | null;
  /** Request headers on top of the run's (a subresource's Accept, say). */
  headers?: Record<string, string>;
  /** Log every request this attempt makes (redirect hops included), for page totals and HAR. */
  exchanges?: boolean;
  /** Asked when the final response starts: a consumer of its decoded body (an HTML or CSS scanner), or none. */
  scan?: (response: ScannedResponse) => ((decoded: Buffer) => void) | undefined;
}

/** What a body scanner is told of the response whose body it is about to read. */
export interface ScannedResponse {
  url: string;
  status: number;
  contentType: string | null;
  /** The address space the response came from: the initiator of the URLs its body names. */
  addressSpace: AddressSpace;
}
