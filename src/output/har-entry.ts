import type { RequestEntry, Timings } from '../record.js';

type NameValue = { name: string; value: string };

/** HAR 1.2's `timings` (ms; -1 for a phase that did not happen or is not known). */
export interface HarTimings {
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

/** One `log.entries` element of HAR 1.2, with the custom fields sitesize adds. */
export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: NameValue[];
    queryString: NameValue[];
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: NameValue[];
    content: { size: number; compression?: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    /** Header and body bytes as they came over the wire, as Chromium writes it: what `page.transferBytes` sums. */
    _transferSize: number;
    /** The error code, where Chromium puts its `net::` error; the message is the `comment`. */
    _error?: string;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: HarTimings;
  _resourceType: string;
  _fromCache?: true;
}

const phaseMs = (ms: number): number => Math.max(0, Math.round(ms * 10) / 10);

/**
 * A record's phases as HAR has them. HAR's `connect` includes the TLS
 * handshake (`ssl` repeats it), `wait` runs to the first byte after the
 * connection, `receive` from there to the end; `send` is not measured apart
 * (the request is a few hundred bytes), so it is 0.
 */
export function harTimings({ dns, connect, tls, ttfb, total }: Timings): HarTimings {
  const opening = (dns ?? 0) + (connect ?? 0) + (tls ?? 0);
  const firstByte = ttfb ?? total;
  return {
    dns: dns ?? -1,
    connect: connect === null ? -1 : phaseMs(connect + (tls ?? 0)),
    ssl: tls ?? -1,
    send: 0,
    wait: phaseMs(firstByte - opening),
    receive: ttfb === null ? 0 : phaseMs(total - ttfb),
  };
}

// HAR names versions as the status line does; DevTools reads `HTTP/2.0` as h2.
function httpVersionOf(version: string | null): string {
  return version === null ? '' : version === '2' ? 'HTTP/2.0' : `HTTP/${version}`;
}

function queryOf(url: string): NameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

const toNameValues = (pairs: [string, string][]): NameValue[] => pairs.map(([name, value]) => ({ name, value }));

/** The HAR entry of one request; `pageref` names its page (with `--page`). */
export function harEntry(request: RequestEntry, pageref: string | undefined): HarEntry {
  const timings = harTimings(request.timings);
  const { bytes, encodedBytes, error } = request;
  const compression = bytes !== null && encodedBytes !== null && bytes >= encodedBytes ? bytes - encodedBytes : undefined;
  const httpVersion = httpVersionOf(request.httpVersion);
  return {
    ...(pageref === undefined ? {} : { pageref }),
    startedDateTime: new Date(request.startedAt).toISOString(),
    time: phaseMs(Math.max(timings.dns, 0) + Math.max(timings.connect, 0) + timings.send + timings.wait + timings.receive),
    request: {
      method: 'GET',
      url: request.url,
      httpVersion,
      cookies: [],
      headers: toNameValues(request.requestHeaders),
      queryString: queryOf(request.url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: request.status ?? 0,
      statusText: request.statusText,
      httpVersion,
      cookies: [],
      headers: toNameValues(request.responseHeaders),
      content: { size: bytes ?? 0, ...(compression === undefined ? {} : { compression }), mimeType: request.contentType ?? '' },
      redirectURL: request.redirectUrl ?? '',
      headersSize: request.headerBytes ?? -1,
      bodySize: encodedBytes ?? -1,
      _transferSize: (request.headerBytes ?? 0) + (encodedBytes ?? 0),
      ...(error === null ? {} : { _error: error.code, comment: error.message }),
    },
    cache: {},
    timings,
    _resourceType: request.resourceType,
    ...(request.fromCache ? { _fromCache: true as const } : {}),
  };
}
