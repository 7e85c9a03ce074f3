import type { SizeRecord } from '../record.js';
import { formatBytes } from './human-units.js';

/**
 * What `--budget` weighs of a record: its page's transfer bytes with
 * `--page`, else what came over the wire for the URL itself.
 */
export function weightOf(record: SizeRecord): number {
  return record.page?.transferBytes ?? (record.headerBytes ?? 0) + (record.encodedBytes ?? 0);
}

/** Counts the records over a size, for exit code 3 and the summary. */
export class Budget {
  readonly limit: number;
  #over = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  get over(): number {
    return this.#over;
  }

  add(record: SizeRecord): void {
    if (weightOf(record) > this.limit) this.#over++;
  }

  /** `2 of 10 over the budget of 500.0 KiB` (pages with `--page`, else URLs). */
  format(of: number, unit: string): string {
    return `${this.#over} of ${of} ${unit}${of === 1 ? '' : 's'} over the budget of ${formatBytes(this.limit)}`;
  }
}
