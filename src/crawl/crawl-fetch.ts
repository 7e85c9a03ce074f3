import type { AddressSpace } from '../fetch/address-space.js';
import type { Attempt, AttemptOf } from '../fetch/measure-context.js';
import type { Target } from '../input/targets.js';

/** A request of the crawl: a page, a robots.txt or a sitemap. */
export interface CrawlRequest {
  /** The URL as its record shows it. */
  url: string;
  index: number;
  /** A consumer of the final response's decoded body, as `measureUrl` takes it. */
  scan?: NonNullable<AttemptOf['scan']>;
  /** Limits of this request in place of the run's (robots.txt and sitemaps have their own). */
  maxSize?: number;
  maxRedirects?: number;
  /** The address space of the response that named this URL; null or absent for a URL the user gave. */
  initiator?: AddressSpace | null;
  /** Called when the first attempt takes its slot in the request gate: the moment the request starts. */
  onStart?: () => void;
}

/**
 * One request through the run's request gate, with the run's retries (what
 * `measure()` hands the crawl, so that the crawl's requests are limited like
 * every other). It never rejects: failures are the record's `error`.
 */
export type CrawlFetch = (target: Target, request: CrawlRequest) => Promise<Attempt>;
