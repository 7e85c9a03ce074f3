import type { AddressSpace } from '../fetch/address-space.js';
import type { Attempt } from '../fetch/measure-context.js';
import type { RetrySleeper } from '../pool/retry-sleeper.js';
import type { InputLine } from '../input/select.js';
import type { Target } from '../input/targets.js';
import type { CrawlReport, CrawlSettings } from '../options.js';
import type { CrawlFetch } from './crawl-fetch.js';
import { createPageTask } from './crawl-page.js';
import { crawlItems, type CrawlItem } from './crawl-source.js';
import { CrawlState } from './crawl-state.js';
import { normalizeUrl } from './normalize-url.js';
import { RobotsCache } from './robots-cache.js';
import { StartSpacing } from './start-spacing.js';

/** A crawl as `measure()` runs it: a source of pages for the pool, the task for each, and the end. */
export interface Crawl {
  items: AsyncGenerator<CrawlItem>;
  measure: (item: CrawlItem) => Promise<Attempt | null>;
  /** Tells `onCrawlEnd` how the crawl went and removes the frontier's file. */
  close(): Promise<void>;
}

export interface CrawlContext {
  settings: CrawlSettings;
  /** The start URLs, as the input's lines (shard applied). */
  starts: AsyncIterator<InputLine>;
  fetch: CrawlFetch;
  /** How a page is measured, if not as one request through `fetch` (with --page: weighed with its subresources). */
  fetchPage?: CrawlFetch;
  sleeper: RetrySleeper;
  signal: AbortSignal;
}

/** Sets up the crawl of the sites of the start URLs (SPEC "Whole sites"). */
export function createCrawl({ settings, starts, fetch, fetchPage = fetch, sleeper, signal }: CrawlContext): Crawl {
  const robots = settings.robots ? new RobotsCache(fetch, settings.onWarning) : undefined;
  const state = new CrawlState(settings, robots);
  const spacing = new StartSpacing((ms) => sleeper.sleep(ms));
  const seeded = new Set<string>();
  const onAbort = (): void => {
    state.notify();
  };
  signal.addEventListener('abort', onAbort, { once: true });

  // Each start origin's sitemaps, read in the background once (their pages have depth 1).
  const seedSitemaps = (target: Target): void => {
    const origin = target.url.origin;
    if (!settings.sitemap || settings.depth < 1 || seeded.has(origin)) return;
    seeded.add(origin);
    state.begin();
    const read = async (): Promise<void> => {
      const named = robots === undefined ? [] : (await robots.load(origin)).sitemaps();
      // The sitemaps robots.txt names lead wherever it says: checked as links of the robots.txt's address.
      const first =
        named.length > 0
          ? named.map((url) => ({ url, initiator: robots?.spaceOf(origin) ?? 'public' }))
          : [{ url: `${origin}/sitemap.xml`, initiator: null }];
      let queued: Promise<void> | undefined;
      const onPage = (loc: string, sitemapUrl: string, initiator: AddressSpace | undefined): boolean => {
        const url = normalizeUrl(loc, sitemapUrl);
        if (url !== null) queued = state.found(url, 1, sitemapUrl, false, initiator ?? 'public') ?? queued;
        return !state.full;
      };
      // Loaded only for --sitemap: the XML parser takes a sixth of the start-up of a crawl.
      const { seedFromSitemaps } = await import('./sitemap-seeds.js');
      await seedFromSitemaps(fetch, first, onPage, settings.onWarning, signal);
      await queued;
    };
    read().then(
      () => {
        state.end();
      },
      (error: unknown) => {
        state.fail(error);
        state.end();
      },
    );
  };

  return {
    items: crawlItems(state, starts, seedSitemaps, signal),
    measure: createPageTask(state, fetchPage, spacing),
    async close() {
      signal.removeEventListener('abort', onAbort);
      const report: CrawlReport = {
        stoppedBy: state.stoppedBy,
        outOfScope: state.outOfScope,
        disallowed: state.disallowed,
        unvisited: state.unvisited,
        referrers: (url) => state.referrers.count(normalizeUrl(url) ?? url),
      };
      await state.close();
      settings.onCrawlEnd?.(report);
    },
  };
}
