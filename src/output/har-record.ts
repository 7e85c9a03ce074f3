import { STATUS_CODES } from 'node:http';
import { MeasureError } from '../errors.js';
import { toTarget } from '../input/targets.js';
import type { RequestEntry, SizeRecord } from '../record.js';

/** One `log.pages` element of HAR 1.2. */
export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: { onContentLoad: number; onLoad: number };
}

/** The `pageref` of the entries of the record with this `index`, and its page's `id`. */
export const pageIdOf = (index: number): string => `page_${index}`;

/** A page: when its first request started, and `loadMs` later its last one ended. */
export function harPage(index: number, title: string, startedAt: number, loadMs: number): HarPage {
  return {
    startedDateTime: new Date(startedAt).toISOString(),
    id: pageIdOf(index),
    title,
    // DOMContentLoaded needs a browser that runs the page: not known.
    pageTimings: { onContentLoad: -1, onLoad: Math.round(loadMs * 10) / 10 },
  };
}

// What was requested: the line as a URL (https:// put in front where it had no scheme), without credentials.
function requestedUrl(line: string): string {
  const target = toTarget(line);
  return target instanceof MeasureError ? line : target.url.href;
}

/**
 * A record as the one request it stands for, when nothing told of its
 * requests one by one: what the record knows of it, with the response headers
 * it has (Content-Type, Content-Encoding) and the standard reason phrase.
 * `startedAt` is when it started (ms since the epoch).
 */
export function requestOfRecord(record: SizeRecord, startedAt: number): RequestEntry {
  const responseHeaders: [string, string][] = [];
  if (record.contentType !== null) responseHeaders.push(['content-type', record.contentType]);
  if (record.contentEncoding !== null) responseHeaders.push(['content-encoding', record.contentEncoding]);
  return {
    index: record.index,
    url: requestedUrl(record.url),
    resourceType: 'document',
    fromCache: false,
    startedAt,
    requestHeaders: [],
    status: record.status,
    statusText: record.status === null ? '' : (STATUS_CODES[record.status] ?? ''),
    httpVersion: record.httpVersion,
    responseHeaders,
    headerBytes: record.headerBytes,
    encodedBytes: record.encodedBytes,
    bytes: record.bytes,
    contentType: record.contentType,
    redirectUrl: null,
    timings: record.timings,
    error: record.error,
  };
}
