import { MeasureError } from '../errors.js';
import type { Attempt } from '../fetch/measure-context.js';
import { createRecord, failedRecord, type SizeRecord } from '../record.js';
import type { CrawlFetch } from './crawl-fetch.js';
import type { CrawlItem } from './crawl-source.js';
import type { CrawlState } from './crawl-state.js';
import { PageLinks } from './page-links.js';
import type { StartSpacing } from './start-spacing.js';

/** A crawl's record: the page's record with its `depth` and `linkedFrom`. */
export function withCrawlKeys(record: SizeRecord, { depth, linkedFrom }: Pick<CrawlItem, 'depth' | 'linkedFrom'>): SizeRecord {
  // createRecord puts the keys in order, whatever the order of the fields. The
  // crawl's keys go first: V8 copies an object spread first quickly, and one
  // spread then added to some ten times slower (the record comes from a fetch,
  // without them, so nothing is overwritten either way).
  return createRecord(record.url, record.index, { depth, linkedFrom, ...record });
}

/**
 * The crawl's task for one page: it waits for its origin's robots.txt (the
 * page's Crawl-delay is in it) and its turn under that delay, then is measured
 * through `fetch` while its links are read from the body. Resolves to the
 * page's record, or null for a page that the resumed run measured already.
 */
export function createPageTask(state: CrawlState, fetch: CrawlFetch, spacing: StartSpacing): (item: CrawlItem) => Promise<Attempt | null> {
  return async (item) => {
    let started: (() => void) | undefined;
    try {
      const { target } = item;
      if (target instanceof MeasureError) {
        return { record: withCrawlKeys(failedRecord(item.url, item.index, target.code, target.message), item), retryAfter: undefined };
      }
      const origin = target.url.origin;
      const delay = state.robots === undefined ? undefined : (await state.robots.load(origin, item.initiator)).crawlDelay();
      if (delay !== undefined && delay > 0) started = await spacing.turn(origin, delay * 1000);
      const links = new PageLinks(state, item);
      const attempt = await fetch(target, {
        url: item.url,
        index: item.index,
        scan: links.scan,
        initiator: item.initiator,
        ...(started ? { onStart: started } : {}),
      });
      await links.end();
      if (attempt.record.error?.code === 'ABORTED') state.aborted += 1;
      return item.rescan ? null : { record: withCrawlKeys(attempt.record, item), retryAfter: attempt.retryAfter };
    } finally {
      // A page that never started must not hold up the next one of its origin.
      started?.();
      state.end();
    }
  };
}
