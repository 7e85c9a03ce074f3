import type { ResourceType, SizeRecord } from '../record.js';

/**
 * What one page weighs for the report and `--budget`: `page.transferBytes`
 * with `--page`, else the response's header and encoded body bytes (what came
 * over the wire). Undefined when nothing came back to weigh.
 */
export function pageWeight(record: SizeRecord): number | undefined {
  if (record.page !== undefined) return record.page.transferBytes;
  if (record.headerBytes === null) return undefined;
  return record.headerBytes + (record.encodedBytes ?? 0);
}

// Without --page there is no discovery to say what a response was loaded as,
// so its Content-Type stands in for the destination.
const typesByMedia: [prefix: string, type: ResourceType][] = [
  ['text/html', 'document'],
  ['application/xhtml+xml', 'document'],
  ['text/css', 'stylesheet'],
  ['text/javascript', 'script'],
  ['application/javascript', 'script'],
  ['application/x-javascript', 'script'],
  ['application/wasm', 'script'],
  ['image/', 'image'],
  ['font/', 'font'],
  ['application/font-', 'font'],
  ['video/', 'media'],
  ['audio/', 'media'],
];

/** The resource type a response's Content-Type suggests, for records measured without `--page`. */
export function typeOfContent(contentType: string | null): ResourceType {
  const media = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return typesByMedia.find(([prefix]) => media.startsWith(prefix))?.[1] ?? 'other';
}
