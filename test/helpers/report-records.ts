import {
  createRecord,
  resourceTypes,
  type PageWeight,
  type RecordFields,
  type RequestEntry,
  type ResourceType,
  type SizeRecord,
} from '../../src/record.js';

/** A successful list-mode record with these sizes. */
export function sizedRecord(
  index: number,
  url: string,
  sizes: { headerBytes: number; encodedBytes: number; bytes?: number },
  fields: RecordFields = {},
): SizeRecord {
  return createRecord(url, index, {
    finalUrl: url,
    status: 200,
    bytes: sizes.bytes ?? sizes.encodedBytes,
    encodedBytes: sizes.encodedBytes,
    headerBytes: sizes.headerBytes,
    contentType: 'text/html; charset=utf-8',
    httpVersion: '1.1',
    attempts: 1,
    timings: { total: 12.5 },
    ...fields,
  });
}

/** A `page` object whose types carry the given transfer bytes (decoded = 2 × transfer), summed into its totals. */
export function pageWeightOf(byType: Partial<Record<ResourceType, number>>, extra: Partial<PageWeight> = {}): PageWeight {
  const types = Object.fromEntries(
    resourceTypes.map((type) => {
      const transferBytes = byType[type] ?? 0;
      return [type, { requests: transferBytes > 0 ? 1 : 0, transferBytes, bytes: 2 * transferBytes }];
    }),
  ) as PageWeight['types'];
  const all = Object.values(types);
  const transferBytes = all.reduce((sum, type) => sum + type.transferBytes, 0);
  return {
    requests: all.reduce((sum, type) => sum + type.requests, 0),
    transferBytes,
    encodedBytes: transferBytes,
    bytes: 2 * transferBytes,
    types,
    thirdParty: { requests: 0, transferBytes: 0 },
    deferred: 0,
    failed: 0,
    errors: {},
    incomplete: false,
    ...extra,
  };
}

/** A request entry as the page mode's `onRequest` gives it. */
export function sizedEntry(
  index: number,
  url: string,
  resourceType: ResourceType,
  headerBytes: number,
  encodedBytes: number,
): RequestEntry {
  return {
    index,
    url,
    resourceType,
    fromCache: false,
    startedAt: 0,
    requestHeaders: [],
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    responseHeaders: [],
    headerBytes,
    encodedBytes,
    bytes: encodedBytes,
    contentType: null,
    redirectUrl: null,
    timings: { dns: null, connect: null, tls: null, ttfb: null, total: 1 },
    error: null,
  };
}
