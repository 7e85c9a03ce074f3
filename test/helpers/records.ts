import {
  createRecord,
  resourceTypes,
  type PageWeight,
  type RequestEntry,
  type ResourceType,
  type SizeRecord,
  type TypeTotals,
} from '../../src/record.js';

/** A successful record of a small HTML document, with `overrides` on top. */
export function okRecord(overrides: Partial<SizeRecord> = {}): SizeRecord {
  return {
    ...createRecord('http://127.0.0.1:8080/a', 3, {
      finalUrl: 'http://127.0.0.1:8080/a',
      status: 200,
      bytes: 1536,
      encodedBytes: 512,
      headerBytes: 120,
      contentType: 'text/html; charset=utf-8',
      contentEncoding: 'gzip',
      httpVersion: '1.1',
      attempts: 1,
      timings: { dns: null, connect: 0.4, tls: null, ttfb: 2.5, total: 3.1 },
    }),
    ...overrides,
  };
}

/** A page's weight: every type empty but those given, the totals summed from them. */
export function pageWeight(types: Partial<Record<ResourceType, TypeTotals>>, overrides: Partial<PageWeight> = {}): PageWeight {
  const all = Object.fromEntries(resourceTypes.map((type) => [type, types[type] ?? { requests: 0, transferBytes: 0, bytes: 0 }])) as Record<
    ResourceType,
    TypeTotals
  >;
  const sum = (key: keyof TypeTotals): number => resourceTypes.reduce((total, type) => total + all[type][key], 0);
  return {
    requests: sum('requests'),
    transferBytes: sum('transferBytes'),
    encodedBytes: sum('transferBytes') - 100 * sum('requests'),
    bytes: sum('bytes'),
    types: all,
    thirdParty: { requests: 0, transferBytes: 0 },
    deferred: 0,
    failed: 0,
    errors: {},
    incomplete: false,
    ...overrides,
  };
}

/** One request as the page mode tells it, with `overrides` on top. */
export function requestEntry(overrides: Partial<RequestEntry> = {}): RequestEntry {
  return {
    index: 0,
    url: 'http://127.0.0.1:8080/style.css?v=2&x',
    resourceType: 'stylesheet',
    fromCache: false,
    startedAt: Date.UTC(2026, 11, 1, 12, 0, 0, 250),
    requestHeaders: [
      ['user-agent', 'sitesize/test'],
      ['accept', 'text/css,*/*;q=0.1'],
    ],
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    responseHeaders: [
      ['content-type', 'text/css'],
      ['content-length', '300'],
    ],
    headerBytes: 100,
    encodedBytes: 300,
    bytes: 900,
    contentType: 'text/css',
    redirectUrl: null,
    timings: { dns: 1.5, connect: 2, tls: 3, ttfb: 10, total: 12.5 },
    error: null,
    ...overrides,
  };
}
