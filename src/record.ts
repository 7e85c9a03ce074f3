import type { ErrorCode, RecordError } from './errors.js';

export type { ErrorCode, RecordError } from './errors.js';

/** Milliseconds with one decimal; `null` where the phase did not happen for this request. */
export interface Timings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  ttfb: number | null;
  total: number;
}

/** The `page.types` keys: what a resource was discovered as, as Lighthouse's resource summary counts. */
export const resourceTypes = ['document', 'stylesheet', 'script', 'image', 'font', 'media', 'other'] as const;
export type ResourceType = (typeof resourceTypes)[number];

export interface TypeTotals {
  requests: number;
  transferBytes: number;
  bytes: number;
}

/** Zero totals for every resource type, in `resourceTypes` order. */
export function emptyTypeTotals(): Record<ResourceType, TypeTotals> {
  const types = {} as Record<ResourceType, TypeTotals>;
  for (const type of resourceTypes) types[type] = { requests: 0, transferBytes: 0, bytes: 0 };
  return types;
}

/** A page's weight with its subresources (SPEC "Page weight"), the `page` key of a record with `--page`. */
export interface PageWeight {
  requests: number;
  transferBytes: number;
  encodedBytes: number;
  bytes: number;
  types: Record<ResourceType, TypeTotals>;
  thirdParty: { requests: number; transferBytes: number };
  deferred: number;
  failed: number;
  errors: Partial<Record<ErrorCode, number>>;
  incomplete: boolean;
  co2?: number;
}

/** One measured URL: every key is present on success and on failure. */
export interface SizeRecord {
  url: string;
  index: number;
  finalUrl: string | null;
  status: number | null;
  bytes: number | null;
  encodedBytes: number | null;
  headerBytes: number | null;
  contentType: string | null;
  contentEncoding: string | null;
  httpVersion: string | null;
  redirects: number;
  attempts: number;
  truncated: boolean;
  timings: Timings;
  error: RecordError | null;
  /** With `--crawl`: link hops from a start URL. */
  depth?: number;
  /** With `--crawl`: the page where this URL was first found; null for a start URL. */
  linkedFrom?: string | null;
  /** With `--page`: the page's weight. */
  page?: PageWeight;
}

/**
 * One request as HAR shows it (`-f har`): a page's document, each subresource
 * and each redirect hop, or the one request of a URL without `--page`.
 */
export interface RequestEntry {
  /** The `index` of the record this request belongs to (the page, with `--page`). */
  index: number;
  url: string;
  resourceType: ResourceType;
  /** The sizes come from the run's asset cache: nothing was sent for this page. */
  fromCache: boolean;
  /** When the request started, in milliseconds since the epoch. */
  startedAt: number;
  requestHeaders: [name: string, value: string][];
  status: number | null;
  statusText: string;
  httpVersion: string | null;
  responseHeaders: [name: string, value: string][];
  headerBytes: number | null;
  encodedBytes: number | null;
  bytes: number | null;
  contentType: string | null;
  /** The Location followed from this response, for a redirect hop. */
  redirectUrl: string | null;
  timings: Timings;
  error: RecordError | null;
}

/** What is known of a URL beyond its line and position; anything left out is null (or 0, false). */
export type RecordFields = Partial<Omit<SizeRecord, 'url' | 'index' | 'timings'>> & { timings?: Partial<Timings> };

export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/**
 * The one place that builds a record, with its keys in the SPEC's order (the
 * JSON key order is part of the contract; CSV columns are derived from it).
 */
export function createRecord(url: string, index: number, fields: RecordFields = {}): SizeRecord {
  const timings = fields.timings;
  const record: SizeRecord = {
    url,
    index,
    finalUrl: fields.finalUrl ?? null,
    status: fields.status ?? null,
    bytes: fields.bytes ?? null,
    encodedBytes: fields.encodedBytes ?? null,
    headerBytes: fields.headerBytes ?? null,
    contentType: fields.contentType ?? null,
    contentEncoding: fields.contentEncoding ?? null,
    httpVersion: fields.httpVersion ?? null,
    redirects: fields.redirects ?? 0,
    attempts: fields.attempts ?? 0,
    truncated: fields.truncated ?? false,
    timings: {
      dns: timings?.dns ?? null,
      connect: timings?.connect ?? null,
      tls: timings?.tls ?? null,
      ttfb: timings?.ttfb ?? null,
      total: timings?.total ?? 0,
    },
    error: fields.error ?? null,
  };
  // The keys of the page and crawl modes come last, and only in those modes.
  if (fields.depth !== undefined) record.depth = fields.depth;
  if (fields.linkedFrom !== undefined) record.linkedFrom = fields.linkedFrom;
  if (fields.page !== undefined) record.page = fields.page;
  return record;
}

/** A record for a line that was not fetched (or no longer), with the attempts it had. */
export function failedRecord(url: string, index: number, code: ErrorCode, message: string, attempts = 0): SizeRecord {
  return createRecord(url, index, { attempts, error: { code, message } });
}
