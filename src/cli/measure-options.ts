import type { MeasureOptions, ResolvedOptions } from '../options.js';
import type { RecordShape } from '../output/record-shape.js';
import type { CliOptions } from './program.js';
import type { ResumeState } from './resume.js';

export type Selection = Pick<ResolvedOptions, 'shard' | 'skip'>;

// The URLs this run measures: those of the shard that the resumed file lacks
// (a crawl's numbering is not the input's: it resumes from the records instead).
export function toSelection(options: CliOptions, resumed: ResumeState | undefined): Selection {
  const skip = options.crawl === true ? undefined : resumed && ((index: number, url: string) => resumed.done.has(index, url));
  return { shard: options.shard, skip };
}

/** The crawl's options as the library takes them; none without --crawl. */
function toCrawlOptions(options: CliOptions, previous: MeasureOptions['previous']): MeasureOptions {
  if (options.crawl !== true) return {};
  return {
    crawl: true,
    scope: options.scope,
    maxPages: options.maxPages,
    robots: options.robots,
    sitemap: options.sitemap === true,
    ...(options.depth === undefined ? {} : { depth: options.depth }),
    ...(previous === undefined ? {} : { previous }),
  };
}

/** The CLI's options as the library takes them (the library validates them again, by the same rules). */
export function toMeasureOptions(
  options: CliOptions,
  signal: AbortSignal,
  selection: Selection,
  previous?: MeasureOptions['previous'],
): MeasureOptions {
  return {
    ...toCrawlOptions(options, previous),
    concurrency: options.concurrency,
    timeout: options.timeout,
    connectTimeout: options.connectTimeout,
    maxRedirects: options.maxRedirects,
    follow: options.follow,
    headers: Object.fromEntries(options.header),
    compression: options.compression,
    insecure: options.insecure === true,
    ordered: options.ordered === true,
    retries: options.retries,
    http2: options.http2 === true,
    allowPrivate: options.allowPrivate === true,
    co2: options.co2 === true,
    signal,
    page: options.page === true,
    device: options.device,
    maxResources: options.maxResources,
    assetCache: options.assetCache,
    ...(options.perHost === undefined ? {} : { perHost: options.perHost }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.proxy === undefined ? {} : { proxy: options.proxy.href }),
    ...(options.maxSize === undefined ? {} : { maxSize: options.maxSize }),
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...(selection.shard === undefined ? {} : { shard: selection.shard }),
    ...(selection.skip === undefined ? {} : { skip: selection.skip }),
  };
}

/** Which optional keys this run's records have: `page` with --page, `depth` and `linkedFrom` with --crawl. */
export function toRecordShape(options: CliOptions & Partial<Record<'page' | 'crawl', boolean | undefined>>): RecordShape {
  return { page: options.page === true, crawl: options.crawl === true };
}
