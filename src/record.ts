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
  return {
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
}

/** A record for a line that was not fetched (or no longer), with the attempts it had. */
export function failedRecord(url: string, index: number, code: ErrorCode, message: string, attempts = 0): SizeRecord {
  return createRecord(url, index, { attempts, error: { code, message } });
}
