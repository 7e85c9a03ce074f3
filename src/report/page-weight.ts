import type { ResourceType, SizeRecord } from '../record.js';
import { weightOf } from './budget.js';

/**
 * What one page weighs for the report: what `--budget` weighs (`weightOf`),
 * or undefined when no response came back to weigh.
 */
export function pageWeight(record: SizeRecord): number | undefined {
  return record.page === undefined && record.headerBytes === null ? undefined : weightOf(record);
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
