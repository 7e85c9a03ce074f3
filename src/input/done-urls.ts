// Indexes are grouped in pages allocated on first use, so a stray large index
// costs one page, not an array up to it.
const pageBits = 16;
const pageSize = 1 << pageBits;

// FNV-1a over UTF-16 code units: fast, and only ever compared within one process.
function fingerprint(url: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i++) {
    hash = Math.imul(hash ^ url.charCodeAt(i), 0x01000193);
  }
  // 0 marks an index without a record, so a fingerprint is never 0.
  return hash >>> 0 || 1;
}

/**
 * The URLs that already have a record, by `index` and `url`, in 4 bytes per
 * index: a 32-bit fingerprint of the URL stands for the URL, so an input whose
 * line at an index has changed since is measured again (unless the two URLs'
 * fingerprints collide, a chance of 1 in 2^32).
 */
export class DoneUrls {
  readonly #pages = new Map<number, Uint32Array>();

  add(index: number, url: string): void {
    let page = this.#pages.get(index >>> pageBits);
    if (page === undefined) {
      page = new Uint32Array(pageSize);
      this.#pages.set(index >>> pageBits, page);
    }
    page[index & (pageSize - 1)] = fingerprint(url);
  }

  has(index: number, url: string): boolean {
    return this.#pages.get(index >>> pageBits)?.[index & (pageSize - 1)] === fingerprint(url);
  }
}
