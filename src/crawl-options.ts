import { boolean, check, integerAtLeast, isFunction, scopeUrl, type Rule } from './option-values.js';
import type { SizeRecord } from './record.js';

/** The options of a crawl (SPEC "Whole sites"), part of `measure()`'s options. */
export interface CrawlOptions {
  /** Measure the sites of the start URLs `urls`: follow their links to every page in scope, each page once. Default false. */
  crawl?: boolean;
  /** With `crawl`: URLs in scope start with one of these prefixes. Default: each start URL up to the last `/` of its path. */
  scope?: readonly string[];
  /** With `crawl`: pages measured (records) at most. Default 10 000. */
  maxPages?: number;
  /** With `crawl`: link hops from a start URL at most. Default: no limit. */
  depth?: number;
  /** With `crawl`: obey each origin's robots.txt. Default true. */
  robots?: boolean;
  /** With `crawl`: also seed from the sitemaps robots.txt names, or /sitemap.xml. Default false. */
  sitemap?: boolean;
  /**
   * With `crawl`: the records of an earlier run of the same crawl (`--resume`): their pages are
   * not measured again (they are fetched once more for their links only) and new pages are
   * numbered after them.
   */
  previous?: Iterable<PreviousPage> | AsyncIterable<PreviousPage>;
  /** With `crawl`: a problem that is no page's record (a robots.txt or sitemap that could not be used). */
  onWarning?: (message: string) => void;
  /** With `crawl`: called once when the crawl ends (interrupted too), with what the records do not say. */
  onCrawlEnd?: (report: CrawlReport) => void;
}

/** What a crawl resumes from: the keys of an earlier record that it needs. */
export type PreviousPage = Pick<SizeRecord, 'url' | 'index' | 'finalUrl' | 'status' | 'contentType' | 'redirects' | 'error'> &
  Partial<Pick<SizeRecord, 'depth' | 'linkedFrom'>>;

/** The bound that ended a crawl with pages still to measure, if any. */
export type StoppedBy = 'max-pages' | 'depth' | null;

/** What a crawl found besides its pages. */
export interface CrawlReport {
  stoppedBy: StoppedBy;
  /** Links and sitemap entries not followed because they are out of scope (counted each time they are found). */
  outOfScope: number;
  /** Pages not measured because robots.txt disallows them. */
  disallowed: number;
  /** Pages found and not measured: waiting when the crawl ended, or cut off in flight (those found once `maxPages` had their index are not kept). */
  unvisited: number;
  /** How many distinct pages link to the page `url` (a record's `url`), in bounded memory: never fewer, rarely more. */
  referrers(url: string): number;
}

/** The crawl's options, checked. */
export interface CrawlSettings {
  scope: readonly string[];
  maxPages: number;
  depth: number;
  robots: boolean;
  sitemap: boolean;
  previous: Iterable<PreviousPage> | AsyncIterable<PreviousPage> | undefined;
  onWarning: (message: string) => void;
  onCrawlEnd: ((report: CrawlReport) => void) | undefined;
}

const scopeList: Rule<readonly string[]> = {
  expected: 'an array of http(s) URL prefixes',
  valid: (value) => Array.isArray(value) && value.every((prefix) => typeof prefix === 'string' && scopeUrl.valid(prefix)),
};

const pagesLimit: Rule<number> = integerAtLeast(1);
/** Requests in flight per origin at most in a crawl, unless `perHost` says otherwise. */
export const crawlPerHost = 4;

/** The crawl's settings, or undefined when `options` ask for no crawl. */
export function resolveCrawl(options: CrawlOptions): CrawlSettings | undefined {
  if (!check('crawl', options.crawl, false, boolean)) return undefined;
  const noWarning = (): void => undefined;
  return {
    scope: check('scope', options.scope, [], scopeList),
    maxPages: check('maxPages', options.maxPages, 10_000, pagesLimit),
    depth: options.depth === undefined ? Infinity : check('depth', options.depth, 0, integerAtLeast(0)),
    robots: check('robots', options.robots, true, boolean),
    sitemap: check('sitemap', options.sitemap, false, boolean),
    previous: options.previous,
    onWarning: check<(message: string) => void>('onWarning', options.onWarning, noWarning, isFunction),
    onCrawlEnd: check<CrawlSettings['onCrawlEnd']>('onCrawlEnd', options.onCrawlEnd, undefined, isFunction),
  };
}

/** The CLI's rule for the crawl's flags: they mean nothing without --crawl. */
export function checkCrawlFlags(flags: { crawl?: true; scope: readonly string[]; robots: boolean; sitemap?: true; depth?: number }): void {
  if (flags.crawl === true) return;
  const given = [
    ...(flags.scope.length > 0 ? ['--scope'] : []),
    ...(flags.robots ? [] : ['--no-robots']),
    ...(flags.sitemap === true ? ['--sitemap'] : []),
    ...(flags.depth === undefined ? [] : ['--depth']),
  ];
  if (given.length > 0) throw new TypeError(`${given.join(', ')} needs --crawl`);
}
