import type { LookupFunction } from 'node:net';

/** The output formats of `-f`. */
export const formats = ['jsonl', 'csv', 'tsv', 'table'] as const;
export type Format = (typeof formats)[number];

/** Options of `measure()`; they mirror the CLI's flags (durations in seconds, like the CLI). */
export interface MeasureOptions {
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
  /** Measure only the `k`-th (1-based) of `n` disjoint slices of the input; `index` stays the position in the whole input. */
  shard?: Shard;
  /** URLs (by `index` and `url` as in the record) for which it returns true are not measured and get no record. */
  skip?: (index: number, url: string) => boolean;
}

/** The `k`-th (1-based) of `n` slices of an input. */
export interface Shard {
  k: number;
  n: number;
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
  shard: Shard | undefined;
  skip: ((index: number, url: string) => boolean) | undefined;
}

const sizeUnits: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

// Validators shared by the CLI (as commander argument parsers) and by measure().
export function parseInteger(value: string, min: number): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < min) {
    throw new TypeError(`expected an integer >= ${min}, got '${value}'`);
  }
  return number;
}

export function parseSeconds(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number <= 0) {
    throw new TypeError(`expected a number of seconds > 0, got '${value}'`);
  }
  return number;
}

export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(value.trim());
  const multiplier = sizeUnits[match?.[2]?.toLowerCase() ?? ''];
  const bytes = match && multiplier ? Math.floor(Number(match[1]) * multiplier) : 0;
  if (bytes < 1) {
    throw new TypeError(`expected a size such as 500k, 10M or 1G, got '${value}'`);
  }
  return bytes;
}

export function parseHeader(value: string): [string, string] {
  const colon = value.indexOf(':');
  const name = value.slice(0, colon).trim();
  if (colon < 1 || !/^[!#$%&'*+.^`|~\w-]+$/.test(name)) {
    throw new TypeError(`expected "Name: value", got '${value}'`);
  }
  const headerValue = value.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(headerValue)) {
    throw new TypeError(`header value of '${name}' must not contain CR, LF or NUL`);
  }
  return [name, headerValue];
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const shard = { k: Number(match?.[1]), n: Number(match?.[2]) };
  if (!isShard(shard)) {
    throw new TypeError(`expected a shard k/n with 1 <= k <= n, such as 1/4, got '${value}'`);
  }
  return shard;
}

function isShard(shard: Shard): boolean {
  return Number.isSafeInteger(shard.k) && Number.isSafeInteger(shard.n) && shard.k >= 1 && shard.k <= shard.n;
}

export function parseProxy(value: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new TypeError(`expected an http(s) proxy URL, got '${value}'`);
  }
  return url;
}

/** The CLI's rules for output options that only make sense together. */
export function checkOutputOptions({ output, resume, format }: { output?: string; resume?: true; format: string }): void {
  if (resume === true && output === undefined) throw new TypeError('--resume needs -o <file>: the file to continue');
  if (resume === true && format !== 'jsonl') throw new TypeError(`--resume reads jsonl output only, not -f ${format}`);
}

function check<T>(name: string, value: T | undefined, fallback: T, valid: (value: T) => boolean, expected: string): T {
  if (value === undefined) return fallback;
  if (!valid(value)) {
    throw new TypeError(`Expected \`${name}\` to be ${expected}, got ${String(value)}`);
  }
  return value;
}

const isInteger = (min: number) => (value: number) => Number.isSafeInteger(value) && value >= min;
const isPositive = (value: number) => Number.isFinite(value) && value > 0;
const isBoolean = (value: boolean) => typeof value === 'boolean';

export function resolveOptions(options: MeasureOptions, defaultUserAgent: string): ResolvedOptions {
  const compression = check('compression', options.compression, true, isBoolean, 'a boolean');
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? defaultUserAgent,
    ...(compression ? { 'accept-encoding': 'gzip, deflate, br' } : {}),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    parseHeader(`${name}: ${value}`);
    headers[name.toLowerCase()] = value;
  }
  for (const [name, value] of Object.entries(headers)) {
    if (value === '') Reflect.deleteProperty(headers, name);
  }
  return {
    concurrency: check('concurrency', options.concurrency, 10, isInteger(1), 'an integer >= 1'),
    timeoutMs: check('timeout', options.timeout, 30, isPositive, 'a number of seconds > 0') * 1000,
    connectTimeoutMs: check('connectTimeout', options.connectTimeout, 10, isPositive, 'a number of seconds > 0') * 1000,
    maxRedirects: check('maxRedirects', options.maxRedirects, 10, isInteger(0), 'an integer >= 0'),
    follow: check('follow', options.follow, true, isBoolean, 'a boolean'),
    maxSize: check('maxSize', options.maxSize, Infinity, isInteger(1), 'an integer >= 1'),
    headers,
    compression,
    insecure: check('insecure', options.insecure, false, isBoolean, 'a boolean'),
    ordered: check('ordered', options.ordered, false, isBoolean, 'a boolean'),
    signal: options.signal,
    lookup: options.lookup,
    perHost: check('perHost', options.perHost, Infinity, isInteger(1), 'an integer >= 1'),
    rate: check('rate', options.rate, Infinity, isInteger(1), 'an integer >= 1'),
    retries: check('retries', options.retries, 0, isInteger(0), 'an integer >= 0'),
    proxy: options.proxy === undefined || options.proxy === false ? options.proxy : parseProxy(options.proxy),
    http2: check('http2', options.http2, false, isBoolean, 'a boolean'),
    shard: check<Shard | undefined>(
      'shard',
      options.shard,
      undefined,
      (shard) => shard !== undefined && isShard(shard),
      '{ k, n } with 1 <= k <= n',
    ),
    skip: check<((index: number, url: string) => boolean) | undefined>(
      'skip',
      options.skip,
      undefined,
      (skip) => typeof skip === 'function',
      'a function',
    ),
  };
}
