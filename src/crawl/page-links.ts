import type { AddressSpace } from '../fetch/address-space.js';
import type { ScannedResponse } from '../fetch/measure-context.js';
import type { CrawlState } from './crawl-state.js';
import type { CrawlItem } from './crawl-source.js';
import { createLinkScan, isHtml, type LinkScan } from './link-scan.js';
import { normalizeUrl } from './normalize-url.js';

// A page's links counted as referrers at most: past them the page's own
// repeats are not told apart, so that a page of 100 000 links costs no more.
const maxNamesPerPage = 10_000;

/**
 * The links of one crawled page, read from its body as it streams and handed
 * to the crawl (SPEC "Whole sites"): only of a 2xx HTML response, and not
 * when a redirect took the page out of scope (it is measured, not followed).
 */
export class PageLinks {
  readonly #state: CrawlState;
  readonly #item: CrawlItem;
  readonly #names = new Set<string>();
  #scan: LinkScan | undefined;
  #queued: Promise<void> | undefined;
  // The space of the address the page came from: the links it names may lead no more privately.
  #space: AddressSpace | undefined;

  constructor(state: CrawlState, item: CrawlItem) {
    this.#state = state;
    this.#item = item;
  }

  /** The `scan` hook of the page's request: a consumer of its body, or none. */
  readonly scan = (response: ScannedResponse): ((decoded: Buffer) => void) | undefined => {
    // A retry's response starts the page again; the links found before stay found.
    this.#scan?.stop();
    this.#scan = undefined;
    if (response.status < 200 || response.status >= 300 || !isHtml(response.contentType)) return undefined;
    const state = this.#state;
    this.#space = response.addressSpace;
    // Unless a redirect was followed the response's URL is the page's, normalised already.
    const finalUrl = response.url === this.#item.url ? response.url : normalizeUrl(response.url);
    if (finalUrl !== null && finalUrl !== this.#item.url) {
      // The page is measured under the URL it was found by; its target is not measured again.
      state.seen.add(finalUrl);
      if (!state.scope.includes(finalUrl)) return undefined;
    }
    const scan = createLinkScan(response.url, response.contentType, (link) => {
      this.#onLink(link);
    });
    this.#scan = scan;
    return (decoded) => {
      scan.write(decoded);
    };
  };

  /** Ends the scan and resolves once what it found is queued. */
  async end(): Promise<void> {
    this.#scan?.end();
    this.#scan = undefined;
    await this.#queued;
  }

  // A link, normalised.
  #onLink(url: string): void {
    const state = this.#state;
    const depth = this.#item.depth + 1;
    // Past the depth bound, the first new page in scope is all there is to learn.
    if (depth > state.settings.depth && state.depthLimited) {
      this.#scan?.stop();
      return;
    }
    let first = true;
    if (this.#names.size < maxNamesPerPage) {
      first = !this.#names.has(url);
      this.#names.add(url);
    }
    const queued = state.found(url, depth, this.#item.url, first, this.#space);
    if (queued !== undefined) this.#queued = queued;
  }
}
