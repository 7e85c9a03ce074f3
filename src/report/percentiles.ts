// Buckets 2% wide on a log scale: a bucket's geometric middle is within 1% of
// any value in it, and 1 B to 1 TiB takes about 1,400 buckets however many
// values are added.
const growth = 1.02;
const logGrowth = Math.log(growth);

/**
 * Percentiles of a stream of non-negative values in bounded memory: a
 * log-bucket histogram. Percentiles are within 1% of the exact ones (and
 * never outside the smallest and largest value seen); the maximum is exact.
 */
export class LogHistogram {
  readonly #buckets = new Map<number, number>();
  #zeros = 0;
  #count = 0;
  #min = Infinity;
  #max = -Infinity;

  get count(): number {
    return this.#count;
  }

  get max(): number | undefined {
    return this.#count === 0 ? undefined : this.#max;
  }

  add(value: number): void {
    this.#count++;
    this.#min = Math.min(this.#min, value);
    this.#max = Math.max(this.#max, value);
    if (value <= 0) {
      this.#zeros++;
      return;
    }
    const bucket = Math.floor(Math.log(value) / logGrowth);
    this.#buckets.set(bucket, (this.#buckets.get(bucket) ?? 0) + 1);
  }

  /** The `p`-th percentile (0 < p <= 100) by nearest rank, or undefined without values. */
  percentile(p: number): number | undefined {
    if (this.#count === 0) return undefined;
    const rank = Math.max(1, Math.ceil((p / 100) * this.#count));
    if (rank >= this.#count) return this.#max;
    let seen = this.#zeros;
    if (seen >= rank) return this.#min;
    for (const bucket of [...this.#buckets.keys()].sort((a, b) => a - b)) {
      seen += this.#buckets.get(bucket) ?? 0;
      if (seen >= rank) return Math.min(this.#max, Math.max(this.#min, growth ** (bucket + 0.5)));
    }
    return this.#max;
  }
}
