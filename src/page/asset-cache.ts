import type { AddressSpace } from '../fetch/address-space.js';
import type { Exchange } from '../fetch/exchange-log.js';
import type { RecordError } from '../record.js';
import type { StylesheetScan } from './css-scan-result.js';

/** A subresource as measured once: its requests (redirect hops first), its error, and what a stylesheet loads. */
export interface FetchedResource {
  exchanges: readonly Exchange[];
  error: RecordError | null;
  /** For a stylesheet read as CSS: its imports, images and fonts, to decide per page. */
  stylesheet?: StylesheetScan;
  /** Where its response came from, when one came: the initiator of what a stylesheet names. */
  addressSpace?: AddressSpace;
}

/**
 * How much the cache holds at most, in units: one per resource (its sizes and
 * header lists, about a kilobyte), plus one per item a stylesheet's scan keeps
 * (a URL with its selector requirements). About 20 to 50 MB when full.
 */
export const assetCacheUnits = 20_000;

function unitsOf(resource: FetchedResource): number {
  const scan = resource.stylesheet;
  if (scan === undefined) return 1;
  return (
    1 +
    scan.imports.length +
    scan.images.length +
    scan.faces.length +
    scan.families.length +
    scan.variableImages.length +
    scan.variableUses.length
  );
}

interface Entry {
  resource: Promise<FetchedResource>;
  units: number;
}

/**
 * The run's asset cache: a subresource fetched (or being fetched) for one page
 * is shared with every later page that names it, by URL, Accept header and the
 * initiator's address space (a URL refused to a public page may be allowed to a
 * private one). It
 * keeps sizes and scans, never bodies, and drops the least recently used
 * entries past `assetCacheUnits`; a dropped resource is fetched again.
 */
export class AssetCache {
  readonly #entries = new Map<string, Entry>();
  readonly #capacity: number;
  #units = 0;

  constructor(capacity = assetCacheUnits) {
    this.#capacity = capacity;
  }

  /** The resource under `key`: taken from the cache (`cached` true), or fetched by `fetch` and kept. */
  take(key: string, fetch: () => Promise<FetchedResource>): { resource: Promise<FetchedResource>; cached: boolean } {
    const known = this.#entries.get(key);
    if (known !== undefined) {
      // Map order is the recency order: the entry moves to the newest end.
      this.#entries.delete(key);
      this.#entries.set(key, known);
      return { resource: known.resource, cached: true };
    }
    const entry: Entry = { resource: fetch(), units: 1 };
    this.#entries.set(key, entry);
    this.#units += 1;
    void entry.resource.then((resource) => {
      if (this.#entries.get(key) !== entry) return;
      const units = unitsOf(resource);
      this.#units += units - entry.units;
      entry.units = units;
      this.#evict();
    });
    this.#evict();
    return { resource: entry.resource, cached: false };
  }

  #evict(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#units <= this.#capacity || this.#entries.size <= 1) return;
      this.#entries.delete(key);
      this.#units -= entry.units;
    }
  }
}
