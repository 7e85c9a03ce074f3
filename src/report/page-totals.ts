import { emptyTypeTotals, resourceTypes, type ErrorCode, type PageWeight, type SizeRecord } from '../record.js';

/**
 * The sums of the records' `page` objects: the `page` key of the summary as
 * JSON, with `co2` present when the pages had it.
 */
export type PageTotalsJson = Omit<PageWeight, 'incomplete'> & {
  /** Records that had a `page`. */
  pages: number;
  /** Pages that `--max-resources` left incomplete. */
  incomplete: number;
};

/**
 * Running sums of the pages of a run, in constant memory (a few dozen
 * counters however many pages), for the summary on stderr and as JSON.
 */
export class PageTotals {
  #pages = 0;
  #requests = 0;
  #transferBytes = 0;
  #encodedBytes = 0;
  #bytes = 0;
  readonly #types = emptyTypeTotals();
  readonly #thirdParty = { requests: 0, transferBytes: 0 };
  #deferred = 0;
  #failed = 0;
  readonly #errors = new Map<ErrorCode, number>();
  #incomplete = 0;
  #co2: number | undefined;

  get pages(): number {
    return this.#pages;
  }

  /** Adds a record's `page`; a record without one (not measured as a page) adds nothing. */
  add(record: SizeRecord): void {
    const page = record.page;
    if (page !== undefined) this.#addPage(page);
  }

  #addPage(page: PageWeight): void {
    this.#pages++;
    this.#requests += page.requests;
    this.#transferBytes += page.transferBytes;
    this.#encodedBytes += page.encodedBytes;
    this.#bytes += page.bytes;
    for (const type of resourceTypes) {
      const sum = this.#types[type];
      const add = page.types[type];
      sum.requests += add.requests;
      sum.transferBytes += add.transferBytes;
      sum.bytes += add.bytes;
    }
    this.#thirdParty.requests += page.thirdParty.requests;
    this.#thirdParty.transferBytes += page.thirdParty.transferBytes;
    this.#deferred += page.deferred;
    this.#failed += page.failed;
    for (const [code, count] of Object.entries(page.errors) as [ErrorCode, number][]) {
      this.#errors.set(code, (this.#errors.get(code) ?? 0) + count);
    }
    if (page.incomplete) this.#incomplete++;
    if (page.co2 !== undefined) this.#co2 = (this.#co2 ?? 0) + page.co2;
  }

  toJSON(): PageTotalsJson {
    const types = emptyTypeTotals();
    for (const type of resourceTypes) Object.assign(types[type], this.#types[type]);
    return {
      pages: this.#pages,
      requests: this.#requests,
      transferBytes: this.#transferBytes,
      encodedBytes: this.#encodedBytes,
      bytes: this.#bytes,
      types,
      thirdParty: { ...this.#thirdParty },
      deferred: this.#deferred,
      failed: this.#failed,
      errors: Object.fromEntries([...this.#errors].sort(([, a], [, b]) => b - a)),
      incomplete: this.#incomplete,
      // Summed grams keep the records' precision (0.1 mg), not a float's noise.
      ...(this.#co2 === undefined ? {} : { co2: Math.round(this.#co2 * 10_000) / 10_000 }),
    };
  }
}
