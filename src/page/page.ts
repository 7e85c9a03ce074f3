import type { AddressSpace } from '../fetch/address-space.js';
import type { FetchRun } from '../fetch/fetch-with-retries.js';
import type { RequestEntry } from '../record.js';
import type { AssetCache, FetchedResource } from './asset-cache.js';
import type { StylesheetScan } from './css-scan-result.js';
import { cssResources } from './css-resources.js';
import { acceptFor, resourceTypeOf, type Destination } from './destinations.js';
import { fetchResource, type ResourceRequest } from './fetch-resource.js';
import { Frame, type FrameHost } from './frame.js';
import type { HtmlScanResult } from './html-scanner.js';
import type { Device } from './media-query.js';
import { PageTally } from './page-tally.js';
import { reportRequests } from './request-entries.js';

/** What every page of a run shares. */
export interface PageRun {
  fetch: FetchRun;
  device: Device;
  maxResources: number;
  /** Undefined with `--no-asset-cache`. */
  cache: AssetCache | undefined;
  onRequest: ((entry: RequestEntry) => void) | undefined;
}

// Browsers stop @import only at cycles; a chain deeper than this is hostile, not a site.
const maxImportDepth = 16;

/**
 * One page being weighed: its frames, the subresources they name (each URL
 * fetched once, at most `maxResources` of them), the fetches under way and
 * the tally. A fetch starts the moment its URL is found; the page itself
 * waits outside the request gate, so it holds no slot while it waits.
 */
export class Page implements FrameHost {
  readonly tally = new PageTally();
  readonly #run: PageRun;
  readonly #index: number;
  readonly #frames: Frame[] = [];
  // The page's own URLs and every subresource URL taken: at most maxResources + a few.
  readonly #seen = new Set<string>();
  #subresources = 0;
  readonly #pending = new Set<Promise<void>>();
  // Each stylesheet's scan by URL, and the stylesheets a frame names that another frame loaded
  // first: they apply to that frame's document too.
  readonly #sheets = new Map<string, { scan: StylesheetScan; space: AddressSpace }>();
  readonly #borrowed = new Map<Frame, Set<string>>();

  constructor(run: PageRun, index: number) {
    this.#run = run;
    this.#index = index;
  }

  get device(): Device {
    return this.#run.device;
  }

  get maxResources(): number {
    return this.#run.maxResources;
  }

  /** A document of the page: the top one (whose iframes are fetched) or an iframe's. */
  frame(allowsFrames: boolean): Frame {
    const frame = new Frame(this, allowsFrames);
    this.#frames.push(frame);
    return frame;
  }

  /** A URL of the document itself: a reference to it is not fetched again. */
  exclude(url: string): void {
    this.#seen.add(url);
  }

  request(url: string, destination: Destination, frame: Frame): void {
    this.#request(url, destination, frame, 0, frame.space);
  }

  addStylesheet(frame: Frame, scan: StylesheetScan, depth: number, space: AddressSpace): void {
    if (!frame.keep(scan, space)) this.tally.markIncomplete();
    if (depth >= maxImportDepth) return;
    for (const url of scan.imports) this.#request(url, 'style', frame, depth + 1, space);
  }

  /** What a finished scan of one of the page's documents left out. */
  scanned(result: HtmlScanResult | undefined): void {
    if (result === undefined) return;
    this.tally.defer(result.deferred);
    if (result.incomplete) this.tally.markIncomplete();
  }

  /** Once every stylesheet is in: the images and fonts that each frame's CSS loads for its document. */
  requestCssResources(): void {
    for (const [frame, urls] of this.#borrowed) this.#lend(frame, urls);
    for (const frame of this.#frames) {
      for (const { url, destination } of cssResources(frame.scans, frame.index)) {
        // Imports were fetched as their stylesheets came in (those past the depth guard are left out).
        if (destination !== 'style') this.#request(url, destination, frame, 0, frame.cssSpace);
      }
    }
  }

  /** Resolves when every fetch started so far, and every one they started, has been counted. */
  async settle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #request(url: string, destination: Destination, frame: Frame, depth: number, initiator: AddressSpace): void {
    if (this.#seen.has(url)) {
      if (destination === 'style' && this.#frames.length > 1) this.#borrow(frame, url);
      return;
    }
    if (this.#subresources >= this.#run.maxResources) {
      this.tally.markIncomplete();
      return;
    }
    this.#seen.add(url);
    this.#subresources += 1;
    const loading = this.#load(url, destination, frame, depth, initiator).finally(() => this.#pending.delete(loading));
    this.#pending.add(loading);
  }

  async #load(url: string, destination: Destination, frame: Frame, depth: number, initiator: AddressSpace): Promise<void> {
    const run = this.#run;
    const type = resourceTypeOf(destination);
    const accept = acceptFor(destination);
    const request: ResourceRequest = { url, index: this.#index, accept, initiator, stylesheet: destination === 'style' };
    let fetched: FetchedResource;
    let cached = false;
    if (destination === 'iframe') {
      // An iframe's document is weighed with this page's own subresource rules, never from the cache.
      const child = this.frame(false);
      fetched = await fetchResource(run.fetch, run.device, { ...request, scan: child.scan });
      this.scanned(child.finish());
    } else if (run.cache) {
      const taken = run.cache.take(`${initiator}\n${accept}\n${url}`, () => fetchResource(run.fetch, run.device, request));
      fetched = await taken.resource;
      cached = taken.cached;
    } else {
      fetched = await fetchResource(run.fetch, run.device, request);
    }
    this.tally.add(fetched.exchanges, type);
    if (fetched.error !== null) this.tally.fail(fetched.error);
    reportRequests(run.onRequest, fetched.exchanges, this.#index, type, cached);
    if (fetched.stylesheet) {
      const space = fetched.addressSpace ?? 'public';
      this.#sheets.set(url, { scan: fetched.stylesheet, space });
      this.addStylesheet(frame, fetched.stylesheet, depth, space);
    }
  }

  #borrow(frame: Frame, url: string): void {
    const urls = this.#borrowed.get(frame) ?? new Set<string>();
    urls.add(url);
    this.#borrowed.set(frame, urls);
  }

  // Gives a frame the scans of the stylesheets it borrowed, and of their imports, once each.
  #lend(frame: Frame, urls: ReadonlySet<string>): void {
    const own = new Set(frame.scans);
    const queue = [...urls];
    const visited = new Set<string>();
    for (let url = queue.pop(); url !== undefined; url = queue.pop()) {
      const sheet = this.#sheets.get(url);
      if (visited.has(url) || sheet === undefined) continue;
      visited.add(url);
      if (!own.has(sheet.scan) && !frame.keep(sheet.scan, sheet.space)) this.tally.markIncomplete();
      queue.push(...sheet.scan.imports);
    }
  }
}
