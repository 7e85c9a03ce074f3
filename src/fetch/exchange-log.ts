import type { IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';
import { roundMs, type RequestEntry, type SizeRecord } from '../record.js';
import type { ConnectionTimings } from './connections.js';
import { headerBlockSize } from './header-size.js';

/** One request of a measurement as HAR shows it, without what only the page knows of it. */
export type Exchange = Omit<RequestEntry, 'index' | 'resourceType' | 'fromCache'>;

type HeaderList = [name: string, value: string][];

interface Current {
  origin: string;
  href: string;
  startedAt: number;
  start: number;
  requestHeaders: HeaderList;
  connection: ConnectionTimings | null;
  httpVersion: string;
  status: number | null;
  statusText: string;
  responseHeaders: HeaderList;
  headerBytes: number | null;
  encodedBytes: number;
  ttfb: number | null;
  location: string | undefined;
}

function text(part: unknown): string {
  return Buffer.isBuffer(part) ? part.toString('latin1') : String(part);
}

// Request headers as undici takes them: an object, or the flat list a redirect hop's cleaning leaves.
function requestHeaderList(headers: unknown): HeaderList {
  if (Array.isArray(headers)) {
    const list: HeaderList = [];
    for (let i = 0; i + 1 < headers.length; i += 2) list.push([text(headers[i]), text(headers[i + 1])]);
    return list;
  }
  if (headers === null || typeof headers !== 'object') return [];
  return Object.entries(headers as Record<string, unknown>).map(([name, value]) => [name, text(value)]);
}

function responseHeaderList(rawHeaders: unknown, headers: IncomingHttpHeaders): HeaderList {
  if (Array.isArray(rawHeaders)) return requestHeaderList(rawHeaders);
  return Object.entries(headers).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value ?? '']).map((one): [string, string] => [name, one]),
  );
}

// undici writes the Host header of an HTTP/1.1 request itself (HTTP/2 has :authority instead).
function withHost({ requestHeaders, httpVersion, origin }: Current): HeaderList {
  if (httpVersion !== '1.1' || requestHeaders.some(([name]) => name.toLowerCase() === 'host')) return requestHeaders;
  // An origin as undici has it, `scheme://host[:port]`: the host is what follows the scheme.
  return [['host', origin.slice(origin.indexOf('//') + 2)], ...requestHeaders];
}

/**
 * Every request one measurement makes, as the dispatch chain sees them: the
 * first, then each redirect hop, whose response undici's redirect handling
 * hides from the measurement (status, headers and body bytes included). All
 * but the last are hops; the last is the one the record describes.
 */
export class ExchangeLog {
  readonly #hops: Exchange[] = [];
  #current: Current | undefined;

  /** A request is dispatched (`origin` and `path` as undici has them): the previous one, if any, was a redirect hop. */
  start(origin: string, path: string, headers: unknown): void {
    if (this.#current) this.#hops.push(this.#entry(this.#current, null));
    this.#current = {
      origin,
      href: origin + path,
      startedAt: Date.now(),
      start: performance.now(),
      requestHeaders: requestHeaderList(headers),
      connection: null,
      httpVersion: '1.1',
      status: null,
      statusText: '',
      responseHeaders: [],
      headerBytes: null,
      encodedBytes: 0,
      ttfb: null,
      location: undefined,
    };
  }

  connected(timings: ConnectionTimings | null, httpVersion: string): void {
    if (!this.#current) return;
    this.#current.connection = timings;
    this.#current.httpVersion = httpVersion;
  }

  response(status: number, statusMessage: string | undefined, rawHeaders: unknown, headers: IncomingHttpHeaders): void {
    const current = this.#current;
    if (!current) return;
    current.ttfb = performance.now() - current.start;
    current.status = status;
    current.statusText = statusMessage ?? '';
    current.responseHeaders = responseHeaderList(rawHeaders, headers);
    current.headerBytes = headerBlockSize(status, statusMessage, rawHeaders, current.httpVersion);
    const value: unknown = headers.location;
    const location = Array.isArray(value) ? String(value[0]) : typeof value === 'string' ? value : undefined;
    current.location = location === undefined ? undefined : (URL.parse(location, current.href)?.href ?? location);
  }

  data(bytes: number): void {
    if (this.#current) this.#current.encodedBytes += bytes;
  }

  /** The hops, then the last request with the sizes and error of `record`. */
  entries(record: SizeRecord): Exchange[] {
    const last = this.#current;
    return last ? [...this.#hops, this.#entry(last, record)] : [...this.#hops];
  }

  // A hop's body is not decoded (undici drops it): its bytes are counted as they came.
  #entry(current: Current, record: SizeRecord | null): Exchange {
    const connection = current.connection;
    return {
      url: current.href,
      startedAt: current.startedAt,
      requestHeaders: withHost(current),
      status: record ? record.status : current.status,
      statusText: current.statusText,
      httpVersion: record ? record.httpVersion : current.status === null ? null : current.httpVersion,
      responseHeaders: current.responseHeaders,
      headerBytes: record ? record.headerBytes : current.headerBytes,
      encodedBytes: record ? record.encodedBytes : current.encodedBytes,
      bytes: record ? record.bytes : current.encodedBytes,
      contentType: record
        ? record.contentType
        : (current.responseHeaders.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? null),
      redirectUrl: record ? null : (current.location ?? null),
      timings: {
        dns: connection?.dns ?? null,
        connect: connection?.connect ?? null,
        tls: connection?.tls ?? null,
        ttfb: current.ttfb === null ? null : roundMs(current.ttfb),
        total: roundMs(performance.now() - current.start),
      },
      error: record ? record.error : null,
    };
  }
}
