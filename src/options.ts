import type { LookupFunction } from 'node:net';
import type { RequestEntry } from './record.js';
import { crawlPerHost, resolveCrawl, type CrawlOptions, type CrawlSettings } from './crawl-options.js';
import {
  boolean,
  check,
  device,
  integerAtLeast,
  isFunction,
  parseHeader,
  parseProxy,
  seconds,
  shard,
  type DeviceName,
  type Shard,
} from './option-values.js';

export type { CrawlReport, CrawlSettings, PreviousPage, StoppedBy } from './crawl-options.js';
export type { DeviceName, Shard } from './option-values.js';

/** The output formats of `-f`. */
export const formats = ['jsonl', 'csv', 'tsv', 'table', 'har'] as const;
export type Format = (typeof formats)[number];

/** Options of `measure()`; they mirror the CLI's flags (durations in seconds, like the CLI). */
export interface MeasureOptions extends CrawlOptions {
  /** Requests in flight at most. Default 10. */
  concurrency?: number;
  /** Limit for one attempt, connection to last byte, in seconds. Default 30. */
  timeout?: number;
  /** Limit for opening a connection, in seconds. Default 10. */
  connectTimeout?: number;
  /** Redirects followed at most. Default 10. */
  maxRedirects?: number;
  /** Follow redirects. Default true; false measures the 3xx response itself. */
  follow?: boolean;
  /** Stop reading a body after this many decoded bytes and set `truncated`. Default: no limit. */
  maxSize?: number;
  /** Extra request headers; an empty value removes a default header. */
  headers?: Record<string, string>;
  /** Default `sitesize/<version>`. */
  userAgent?: string;
  /** Send `Accept-Encoding: gzip, deflate, br` and decode bodies. Default true. */
  compression?: boolean;
  /** Accept invalid TLS certificates. Default false. */
  insecure?: boolean;
  /** Yield results in input order (bounded memory) instead of as they complete. Default false. */
  ordered?: boolean;
  /** Aborts the run: requests in flight end as `ABORTED` records and no new URL is started. */
  signal?: AbortSignal;
  /** Host name resolution, like `dns.lookup` (for custom resolvers and tests). */
  lookup?: LookupFunction;
  /** Requests in flight per origin (scheme, host, port) at most. Default: no limit. */
  perHost?: number;
  /** Attempts started in any one-second window at most (retries count, redirect hops do not). Default: no limit. */
  rate?: number;
  /** Retries of the whole request after a transient failure or a 408/429/502/503/504. Default 0. */
  retries?: number;
  /** Proxy URL for every request; `false` for none. Default: from HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy?: string | false;
  /** Offer HTTP/2 through ALPN on https. Default false. */
  http2?: boolean;
  /**
   * Let URLs that pages name lead to loopback, private and link-local
   * addresses. Default false: a page on a public address cannot make sitesize
   * fetch from a private or local one, nor a page on a private address from a
   * local one. URLs the user gives are never refused.
   */
  allowPrivate?: boolean;
  /** Measure only the `k`-th (1-based) of `n` disjoint slices of the input; `index` stays the position in the whole input. */
  shard?: Shard;
  /** URLs (by `index` and `url` as in the record) for which it returns true are not measured and get no record. */
  skip?: (index: number, url: string) => boolean;
  /** Weigh each URL as a page: the document and the subresources a browser loads for it (the record's `page`). Default false. */
  page?: boolean;
  /** With `page`: the screen whose width and pixel ratio choose `srcset` candidates and `@media` rules. Default `'mobile'`. */
  device?: DeviceName;
  /** With `page`: subresources fetched per page at most; past them `page.incomplete` is true. Default 500. */
  maxResources?: number;
  /** With `page`: take a subresource already fetched for another page of the run from the asset cache. Default true. */
  assetCache?: boolean;
  /**
   * Told of each request when it ends (what `-f har` shows): with `page`, every request of each page (its document,
   * each subresource and redirect hop; cache hits too); otherwise the request of each URL.
   */
  onRequest?: (entry: RequestEntry) => void;
  /** Add `page.co2`: grams of CO2e for one first visit (Sustainable Web Design model v4). Default false. */
  co2?: boolean;
}

export interface ResolvedOptions {
  concurrency: number;
  timeoutMs: number;
  connectTimeoutMs: number;
  maxRedirects: number;
  follow: boolean;
  maxSize: number;
  headers: Record<string, string>;
  compression: boolean;
  insecure: boolean;
  ordered: boolean;
  signal: AbortSignal | undefined;
  lookup: LookupFunction | undefined;
  perHost: number;
  rate: number;
  retries: number;
  proxy: URL | false | undefined;
  http2: boolean;
  allowPrivate: boolean;
  shard: Shard | undefined;
  skip: ((index: number, url: string) => boolean) | undefined;
  page: boolean;
  device: DeviceName;
  maxResources: number;
  assetCache: boolean;
  onRequest: ((entry: RequestEntry) => void) | undefined;
  co2: boolean;
  /** Set for a crawl. */
  crawl: CrawlSettings | undefined;
}

/** The CLI's rules for output options that only make sense together. */
export function checkOutputOptions({ output, resume, format }: { output?: string; resume?: true; format: string }): void {
  if (resume === true && output === undefined) throw new TypeError('--resume needs -o <file>: the file to continue');
  if (resume === true && format !== 'jsonl') throw new TypeError(`--resume reads jsonl output only, not -f ${format}`);
}

export function resolveOptions(options: MeasureOptions, defaultUserAgent: string): ResolvedOptions {
  const compression = check('compression', options.compression, true, boolean);
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? defaultUserAgent,
    ...(compression ? { 'accept-encoding': 'gzip, deflate, br' } : {}),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const [lowerName] = parseHeader(`${name}: ${value}`);
    headers[lowerName] = value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') Reflect.deleteProperty(headers, name);
  }
  const crawl = resolveCrawl(options);
  return {
    concurrency: check('concurrency', options.concurrency, 10, integerAtLeast(1)),
    timeoutMs: check('timeout', options.timeout, 30, seconds) * 1000,
    connectTimeoutMs: check('connectTimeout', options.connectTimeout, 10, seconds) * 1000,
    maxRedirects: check('maxRedirects', options.maxRedirects, 10, integerAtLeast(0)),
    follow: check('follow', options.follow, true, boolean),
    maxSize: check('maxSize', options.maxSize, Infinity, integerAtLeast(1)),
    headers,
    compression,
    insecure: check('insecure', options.insecure, false, boolean),
    ordered: check('ordered', options.ordered, false, boolean),
    signal: options.signal,
    lookup: options.lookup,
    // A crawl is polite by default: a few requests in flight per origin, unless perHost says otherwise.
    perHost: check('perHost', options.perHost, crawl === undefined ? Infinity : crawlPerHost, integerAtLeast(1)),
    rate: check('rate', options.rate, Infinity, integerAtLeast(1)),
    retries: check('retries', options.retries, 0, integerAtLeast(0)),
    proxy: options.proxy === undefined || options.proxy === false ? options.proxy : parseProxy(options.proxy),
    http2: check('http2', options.http2, false, boolean),
    allowPrivate: check('allowPrivate', options.allowPrivate, false, boolean),
    shard: options.shard === undefined ? undefined : check('shard', options.shard, options.shard, shard),
    skip: check<ResolvedOptions['skip']>('skip', options.skip, undefined, isFunction),
    page: check('page', options.page, false, boolean),
    device: check('device', options.device, 'mobile', device),
    maxResources: check('maxResources', options.maxResources, 500, integerAtLeast(0)),
    assetCache: check('assetCache', options.assetCache, true, boolean),
    onRequest: check<ResolvedOptions['onRequest']>('onRequest', options.onRequest, undefined, isFunction),
    co2: check('co2', options.co2, false, boolean),
    crawl,
  };
}
