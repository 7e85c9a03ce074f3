import type { RequestEntry, ResourceType } from '../record.js';
import { TopList } from './top-list.js';

/** One of the heaviest resources of a run, and how many pages used it. */
export interface HeavyResource {
  url: string;
  type: ResourceType;
  status: number | null;
  /** Header and encoded body bytes of one fetch of it. */
  transferBytes: number;
  bytes: number;
  pages: number;
}

/**
 * The heaviest resources of a run (from `onRequest` entries), each with the
 * number of pages that used it, in memory bounded by `capacity`. A resource
 * is kept from its first entry on or never: once `capacity` heavier ones are
 * known, it can never rise among them again, so the page counts of those
 * kept are exact (each page fetches a URL once; an entry from the asset cache
 * counts for its page too). Keeping more than are shown keeps that true when
 * one URL weighs differently from one fetch to the next.
 */
export class ResourceTally {
  readonly #top: TopList<HeavyResource>;
  readonly #byUrl = new Map<string, HeavyResource>();
  #requests = 0;

  constructor(capacity = 500) {
    this.#top = new TopList(capacity);
  }

  /** Requests seen, the document and redirect hops included. */
  get requests(): number {
    return this.#requests;
  }

  add(entry: RequestEntry): void {
    this.#requests++;
    const known = this.#byUrl.get(entry.url);
    if (known !== undefined) {
      known.pages++;
      return;
    }
    if (entry.headerBytes === null) return;
    const transferBytes = entry.headerBytes + (entry.encodedBytes ?? 0);
    const resource: HeavyResource = {
      url: entry.url,
      type: entry.resourceType,
      status: entry.status,
      transferBytes,
      bytes: entry.bytes ?? 0,
      pages: 1,
    };
    if (!this.#top.admits(transferBytes)) return;
    const dropped = this.#top.add(transferBytes, resource);
    if (dropped !== undefined) this.#byUrl.delete(dropped.url);
    this.#byUrl.set(entry.url, resource);
  }

  /** The `count` heaviest, heaviest first. */
  heaviest(count: number): HeavyResource[] {
    return this.#top
      .sorted()
      .slice(0, count)
      .map(({ item }) => item);
  }
}
