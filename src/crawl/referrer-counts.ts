import { urlFingerprint } from './url-fingerprint.js';

// Rows of the sketch, and counters per row: 4 × 262 144 × 4 bytes = 4 MiB,
// whatever the size of the site.
const rows = 4;
const rowBits = 18;
const width = 1 << rowBits;

/**
 * How many distinct pages link to each URL, in fixed memory: a count-min
 * sketch with conservative update (only the counters at the URL's least
 * count grow), whose estimate is never below the true count, and above it
 * only when other URLs share all four of its counters: rare while the
 * distinct links of the site are few against the million counters, more
 * common and by more past that. The caller counts each (page, link) pair once.
 */
export class ReferrerCounts {
  readonly #counters = new Uint32Array(rows * width);
  readonly #cells = new Uint32Array(rows);

  add(url: string): void {
    const least = this.#find(url);
    for (const cell of this.#cells) {
      if (this.#counters[cell] === least) this.#counters[cell] = least + 1;
    }
  }

  count(url: string): number {
    return this.#find(url);
  }

  // Puts the URL's counter positions in #cells and returns the least of their counts.
  #find(url: string): number {
    // The fingerprint's halves as two independent hashes, from which each row's
    // column is derived (Kirsch and Mitzenmacher); the step is odd so that it
    // reaches every column.
    const [first, rawSecond] = urlFingerprint(url);
    const second = rawSecond | 1;
    let least = Infinity;
    for (let row = 0; row < rows; row++) {
      const cell = row * width + ((first + row * second) & (width - 1));
      this.#cells[row] = cell;
      least = Math.min(least, this.#counters[cell] ?? 0);
    }
    return least;
  }
}
