import type { AddressSpace } from '../fetch/address-space.js';
import type { CrawlSettings, StoppedBy } from '../options.js';
import { Frontier, type FrontierEntry } from './frontier.js';
import { ReferrerCounts } from './referrer-counts.js';
import type { RobotsCache } from './robots-cache.js';
import { SeenSet } from './seen-set.js';
import { SiteScope } from './site-scope.js';

/**
 * What every part of one crawl shares: the pages seen and waiting, the
 * scope, the counts for the summary, and the work under way (pages being
 * measured, sitemaps being read), which the crawl's source waits for when
 * the frontier is empty, since it may still find pages.
 */
export class CrawlState {
  readonly settings: CrawlSettings;
  readonly seen = new SeenSet();
  readonly frontier: Frontier;
  readonly scope: SiteScope;
  readonly referrers = new ReferrerCounts();
  readonly robots: RobotsCache | undefined;
  /** The Basic auth of the start URLs that had credentials, by origin. */
  readonly credentials = new Map<string, string>();
  outOfScope = 0;
  disallowed = 0;
  /** Pages taken and cut off by the end of the run (their records are ABORTED). */
  aborted = 0;
  /** Some page was not followed because it is deeper than `depth`. */
  depthLimited = false;
  /** `maxPages` pages have their index: what is found now only tells that the bound stopped the crawl. */
  full = false;
  /** A page was found while `full`. */
  overflow = false;
  stoppedBy: StoppedBy = null;
  #failure: { error: unknown } | undefined;
  #pending = 0;
  #closed = false;
  #wake: (() => void) | undefined;

  constructor(settings: CrawlSettings, robots: RobotsCache | undefined, frontier = new Frontier()) {
    this.settings = settings;
    this.robots = robots;
    this.frontier = frontier;
    this.scope = new SiteScope(settings.scope);
  }

  /** Work that may find pages has started. */
  begin(): void {
    this.#pending += 1;
  }

  /** That work has ended, and what it found is in the frontier. */
  end(): void {
    this.#pending -= 1;
    this.notify();
  }

  get pending(): number {
    return this.#pending;
  }

  /** Resolves at the next change: a page in the frontier, work ended, or `notify()`. */
  changed(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }

  notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** Records a failure of the crawl's own machinery (the frontier's file), for the source to throw. */
  fail(error: unknown): void {
    this.#failure ??= { error };
    this.notify();
  }

  /** Throws what `fail()` was told, if anything. */
  throwIfFailed(): void {
    if (this.#failure) throw this.#failure.error;
  }

  /**
   * A link (or sitemap entry) to the normalised `url`, found on `linkedFrom`:
   * counted, and queued when it is in scope, within `depth`, new, and not
   * known to be disallowed. `countReferrer` is false for a link its page
   * named before; `initiator` is the address space of the response that named
   * it. Returns the queueing, for the finder to wait for.
   */
  found(
    url: string,
    depth: number,
    linkedFrom: string,
    countReferrer: boolean,
    initiator: AddressSpace | undefined,
  ): Promise<void> | undefined {
    if (this.#closed) return undefined;
    if (!this.scope.includes(url)) {
      this.outOfScope += 1;
      return undefined;
    }
    if (countReferrer) this.referrers.add(url);
    if (depth > this.settings.depth) {
      if (!this.seen.has(url)) this.depthLimited = true;
      return undefined;
    }
    if (!this.seen.add(url)) return undefined;
    const rules = this.robots?.known(new URL(url).origin);
    if (rules !== undefined && !rules.isAllowed(url)) {
      this.disallowed += 1;
      return undefined;
    }
    if (this.full) {
      this.overflow = true;
      return undefined;
    }
    return this.queue({ url, depth, linkedFrom, ...(initiator === undefined ? {} : { initiator }) });
  }

  /** Puts an entry in the frontier; the source hears of it once it is there. */
  queue(entry: FrontierEntry): Promise<void> {
    return this.frontier.push(entry).then(
      () => {
        this.notify();
      },
      (error: unknown) => {
        if (!this.#closed) this.fail(error);
      },
    );
  }

  /** Pages found and not measured: waiting in the frontier, or cut off. */
  get unvisited(): number {
    return this.frontier.size + this.aborted;
  }

  /** Ends the crawl: nothing more is queued, and the frontier's file is removed. */
  async close(): Promise<void> {
    this.#closed = true;
    this.notify();
    await this.frontier.close();
  }
}
