import type { AddressSpace } from '../fetch/address-space.js';
import { MeasureError } from '../errors.js';
import type { InputLine } from '../input/select.js';
import { redactCredentials, toTarget, type Target } from '../input/targets.js';
import type { PreviousPage } from '../options.js';
import type { CrawlState } from './crawl-state.js';
import type { FrontierEntry } from './frontier.js';
import { isHtml } from './link-scan.js';
import { normalizeUrl } from './normalize-url.js';

/** A page on its way through the pool. */
export interface CrawlItem {
  /** The page's absolute URL as records show it (credentials redacted); an invalid start line as read. */
  url: string;
  index: number;
  target: Target | MeasureError;
  depth: number;
  linkedFrom: string | null;
  /** Measured by the run being resumed: fetched for its links only, and no record. */
  rescan: boolean;
  /** The address space of the response that named the page; null for a start URL, which is never refused. */
  initiator: AddressSpace | null;
}

// The pages of the run being resumed: seen already, each fetched again for its
// links (they lead to the pages that run had not reached); new pages are
// numbered after the highest index. Returns that number and the pages counted.
async function loadPrevious(state: CrawlState, previous: Iterable<PreviousPage> | AsyncIterable<PreviousPage>): Promise<[number, number]> {
  let nextIndex = 0;
  let measured = 0;
  for await (const page of previous) {
    nextIndex = Math.max(nextIndex, page.index + 1);
    // An interrupted page is measured again when it is found again.
    if (page.error?.code === 'ABORTED') continue;
    measured += 1;
    const url = normalizeUrl(page.url) ?? page.url;
    state.seen.add(url);
    if (page.redirects > 0 && page.finalUrl !== null) state.seen.add(normalizeUrl(page.finalUrl) ?? page.finalUrl);
    const status = page.status ?? 0;
    const depth = page.depth ?? 0;
    if (status >= 200 && status < 300 && isHtml(page.contentType) && depth < state.settings.depth) {
      await state.queue({ url, depth, linkedFrom: page.linkedFrom ?? null, rescan: true });
    }
  }
  return [nextIndex, measured];
}

/**
 * The pages of a crawl, in the order they are found, as the pool pulls them:
 * the start URLs first (read lazily), then the frontier, breadth first. When
 * the frontier is empty while pages are being measured (or sitemaps read), it
 * waits for what they find; it ends when nothing is waiting or under way, or
 * when a page beyond `maxPages` turns up. A page gets its index when it is
 * taken, so that pages left out by robots.txt take none.
 */
export async function* crawlItems(
  state: CrawlState,
  starts: AsyncIterator<InputLine>,
  onStart: (target: Target) => void,
  signal: AbortSignal,
): AsyncGenerator<CrawlItem> {
  const { settings } = state;
  let [nextIndex, measured] = settings.previous === undefined ? [0, 0] : await loadPrevious(state, settings.previous);
  let startsDone = false;
  state.full = measured >= settings.maxPages;

  const take = (url: string, target: Target | MeasureError, entry: Omit<FrontierEntry, 'url'>): CrawlItem | undefined => {
    if (state.full) {
      state.stoppedBy = 'max-pages';
      return undefined;
    }
    measured += 1;
    state.full = measured >= settings.maxPages;
    state.begin();
    return {
      url,
      index: nextIndex++,
      target,
      depth: entry.depth,
      linkedFrom: entry.linkedFrom,
      rescan: false,
      initiator: entry.initiator ?? null,
    };
  };

  const fromStart = ({ line, url: shown }: InputLine): CrawlItem | null | undefined => {
    const target = toTarget(line);
    if (target instanceof MeasureError) return take(shown, target, { depth: 0, linkedFrom: null });
    const url = normalizeUrl(target.url.href) ?? target.url.href;
    state.scope.addStart(url);
    onStart(target);
    if (target.authorization !== undefined) state.credentials.set(target.url.origin, target.authorization);
    return state.seen.add(url) ? take(url, target, { depth: 0, linkedFrom: null }) : null;
  };

  const fromFrontier = async (entry: FrontierEntry): Promise<CrawlItem | null | undefined> => {
    const target = toTarget(entry.url);
    // The credentials of a start URL go with the pages of its own origin, and only there.
    if (!(target instanceof MeasureError) && target.authorization === undefined) {
      target.authorization = state.credentials.get(target.url.origin);
    }
    if (entry.rescan === true) {
      if (state.full) return null;
      state.begin();
      return {
        url: redactCredentials(entry.url),
        index: -1,
        target,
        depth: entry.depth,
        linkedFrom: entry.linkedFrom,
        rescan: true,
        initiator: entry.initiator ?? null,
      };
    }
    if (state.robots !== undefined && !(target instanceof MeasureError)) {
      const origin = target.url.origin;
      const rules = state.robots.known(origin) ?? (await state.robots.load(origin, entry.initiator ?? null));
      if (!rules.isAllowed(entry.url)) {
        state.disallowed += 1;
        return null;
      }
    }
    return take(redactCredentials(entry.url), target, entry);
  };

  // The next page: an item, null for one left out, undefined when the crawl is over.
  const next = async (): Promise<CrawlItem | null | undefined> => {
    for (;;) {
      if (signal.aborted) return undefined;
      state.throwIfFailed();
      if (!startsDone) {
        const start = await starts.next();
        if (start.done !== true) return fromStart(start.value);
        startsDone = true;
      }
      const entry = await state.frontier.shift();
      if (entry !== undefined) return fromFrontier(entry);
      state.throwIfFailed();
      if (state.pending === 0 && state.frontier.size === 0) return undefined;
      if (state.frontier.size === 0) await state.changed();
    }
  };

  for (;;) {
    const item = await next();
    if (item === undefined) break;
    if (item !== null) yield item;
  }
  if (state.stoppedBy === null && state.full && state.overflow) state.stoppedBy = 'max-pages';
  if (state.stoppedBy === null && state.depthLimited && !signal.aborted) state.stoppedBy = 'depth';
}
