import { urlFingerprint } from './url-fingerprint.js';

const initialCapacity = 1024;
// Linear probing stays short below 3/4 full; growing by half keeps the table
// at least 1/2 full, so a URL costs 8 / (1/2 .. 3/4) = 10.7 to 16 bytes.
const maxLoad = 0.75;
const growth = 1.5;

/**
 * The set of the URLs a crawl has found, kept as 64-bit fingerprints (see
 * url-fingerprint.ts) in an open-addressing table, so a million
 * URLs take about 16 MB, not the hundred or more that the strings would.
 *
 * The price is false positives: a new URL is taken for one already seen when
 * its fingerprint equals one of the n stored, with odds n / 2^64 for each URL
 * (5e-14 at a million), and the odds that any URL at all of a crawl of n is
 * lost so are about n^2 / 2^65 (3e-8 at a million, 3e-6 at ten million). A
 * set never says a URL it holds is new.
 */
export class SeenSet {
  // Slot i is the pair (slots[2i], slots[2i + 1]); (0, 0) marks it empty.
  #slots = new Uint32Array(initialCapacity * 2);
  #capacity = initialCapacity;
  #size = 0;

  /** The number of URLs added. */
  get size(): number {
    return this.#size;
  }

  /** The bytes the table takes, for the memory a crawl reports or tests. */
  get byteLength(): number {
    return this.#slots.byteLength;
  }

  /** Adds `url`; true when it was not in the set yet. */
  add(url: string): boolean {
    const [high, low] = fingerprint(url);
    const slot = this.#find(high, low);
    if (this.#slots[slot] !== 0 || this.#slots[slot + 1] !== 0) return false;
    this.#slots[slot] = high;
    this.#slots[slot + 1] = low;
    this.#size += 1;
    if (this.#size > this.#capacity * maxLoad) this.#grow();
    return true;
  }

  /** Whether `url` was added (or, rarely, a URL with its fingerprint). */
  has(url: string): boolean {
    const [high, low] = fingerprint(url);
    const slot = this.#find(high, low);
    return this.#slots[slot] !== 0 || this.#slots[slot + 1] !== 0;
  }

  // The index of the slot holding (high, low), or of the empty one where it belongs.
  #find(high: number, low: number): number {
    const slots = this.#slots;
    // `low` is uniform, so scaling it onto the table spreads the slots evenly.
    let index = Math.floor((low / 2 ** 32) * this.#capacity);
    for (;;) {
      const slot = index * 2;
      const slotHigh = slots[slot] ?? 0;
      const slotLow = slots[slot + 1] ?? 0;
      if ((slotHigh === high && slotLow === low) || (slotHigh === 0 && slotLow === 0)) return slot;
      index = index + 1 === this.#capacity ? 0 : index + 1;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#capacity = Math.ceil(this.#capacity * growth);
    this.#slots = new Uint32Array(this.#capacity * 2);
    for (let slot = 0; slot < old.length; slot += 2) {
      const high = old[slot] ?? 0;
      const low = old[slot + 1] ?? 0;
      if (high === 0 && low === 0) continue;
      const target = this.#find(high, low);
      this.#slots[target] = high;
      this.#slots[target + 1] = low;
    }
  }
}

function fingerprint(url: string): readonly [number, number] {
  const [high, low] = urlFingerprint(url);
  // (0, 0) marks an empty slot; the one fingerprint that collides with it
  // shares (0, 1), which leaves the odds above as they are.
  return high === 0 && low === 0 ? [0, 1] : [high, low];
}
