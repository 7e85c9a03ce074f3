// Four bins an octave: from 1 B to 1 TiB that is 160 counters at most, however
// many pages are added, and fine enough to merge into the widths a chart needs.
const binsPerOctave = 4;

/** One bar of the page-weight histogram: pages weighing at least `from` and less than `to` bytes. */
export interface WeightBin {
  from: number;
  to: number;
  count: number;
}

const edge = (key: number): number => 2 ** (key / binsPerOctave);
const keyOf = (bytes: number): number => Math.floor(Math.log2(Math.max(1, bytes)) * binsPerOctave);

/** Page weights counted in log-scale bins, for the report's histogram. */
export class WeightBins {
  readonly #counts = new Map<number, number>();

  /** A weight below 1 byte is counted as 1 byte, so that every weight has a place on a log scale. */
  add(bytes: number): void {
    const key = keyOf(bytes);
    this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
  }

  /**
   * Contiguous bins from the lightest page to the heaviest, each a quarter,
   * half, one or more octaves wide (the narrowest that gives at most
   * `maxBins`), aligned so that octave edges (1 KiB, 2 KiB, …) are bin edges.
   * The range reaches out to `alsoCover` too (a budget far from every page).
   */
  bins(maxBins = 32, alsoCover: readonly number[] = []): WeightBin[] {
    if (this.#counts.size === 0) return [];
    const keys = [...this.#counts.keys(), ...alsoCover.map(keyOf)];
    const low = Math.min(...keys);
    const high = Math.max(...keys);
    let step = 1;
    while (Math.floor(high / step) - Math.floor(low / step) + 1 > maxBins) step *= 2;
    const bins: WeightBin[] = [];
    for (let start = Math.floor(low / step) * step; start <= high; start += step) {
      let count = 0;
      for (let key = start; key < start + step; key++) count += this.#counts.get(key) ?? 0;
      bins.push({ from: edge(start), to: edge(start + step), count });
    }
    return bins;
  }
}
