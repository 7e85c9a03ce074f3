import type { ErrorCode, SizeRecord } from '../record.js';
import { clip } from './html-text.js';
import { PathPrefixes } from './path-prefixes.js';

/** A page of a crawl that answered 4xx/5xx or failed, with the page that linked to it. */
export interface BrokenLink {
  url: string;
  status: number | null;
  error: ErrorCode | undefined;
  /** Null for a start URL. */
  linkedFrom: string | null;
}

const maxBrokenLinks = 100;

/**
 * A crawl's part of the report, from the records with `depth`: the weight by
 * path prefix, the depth reached, and the broken links (all counted, the
 * first `maxBrokenLinks` kept with their referrers).
 */
export class SiteTally {
  pages = 0;
  maxDepth = 0;
  brokenLinkCount = 0;
  readonly brokenLinks: BrokenLink[] = [];
  readonly prefixes = new PathPrefixes();

  add(record: SizeRecord, depth: number, weight: number): void {
    this.pages++;
    this.maxDepth = Math.max(this.maxDepth, depth);
    this.prefixes.add(record.url, weight);
    if (record.error === null && (record.status ?? 0) < 400) return;
    this.brokenLinkCount++;
    if (this.brokenLinks.length >= maxBrokenLinks) return;
    const linkedFrom = record.linkedFrom === undefined || record.linkedFrom === null ? null : clip(record.linkedFrom);
    this.brokenLinks.push({ url: clip(record.url), status: record.status, error: record.error?.code, linkedFrom });
  }
}
