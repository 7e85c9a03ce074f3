/** The stable error codes of a record's `error.code`. */
export type ErrorCode =
  | 'INVALID_URL'
  | 'UNSUPPORTED_PROTOCOL'
  | 'DNS'
  | 'CONNECT_REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'TIMEOUT'
  | 'RESET'
  | 'TLS'
  | 'TOO_MANY_REDIRECTS'
  | 'PROTOCOL'
  | 'DECODE'
  | 'ABORTED';

/** Milliseconds with one decimal; `null` where the phase did not happen for this request. */
export interface Timings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  ttfb: number | null;
  total: number;
}

export interface RecordError {
  code: ErrorCode;
  message: string;
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

// An error that already knows its record code, so mapping never has to guess.
export class MeasureError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MeasureError';
    this.code = code;
  }
}

export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

// A record for a line that was never fetched.
export function unfetchedRecord(url: string, index: number, code: ErrorCode, message: string): SizeRecord {
  return {
    url,
    index,
    finalUrl: null,
    status: null,
    bytes: null,
    encodedBytes: null,
    headerBytes: null,
    contentType: null,
    contentEncoding: null,
    httpVersion: null,
    redirects: 0,
    attempts: 0,
    truncated: false,
    timings: { dns: null, connect: null, tls: null, ttfb: null, total: 0 },
    error: { code, message },
  };
}
