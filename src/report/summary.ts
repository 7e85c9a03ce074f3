import { performance } from 'node:perf_hooks';
import { Budget } from './budget.js';
import { formatBytes, formatMs } from './human-units.js';
import { formatPageTotals } from './page-summary.js';
import { PageTotals } from './page-totals.js';
import { LogHistogram } from './percentiles.js';
import type { ErrorCode, SizeRecord } from '../record.js';

function spread(histogram: LogHistogram, format: (value: number) => string): string {
  const parts = [
    ['p50', histogram.percentile(50)],
    ['p95', histogram.percentile(95)],
    ['max', histogram.max],
  ] as const;
  return parts.map(([name, value]) => `${name} ${format(value ?? 0)}`).join(', ');
}

/** Running totals of a run, for the closing lines on stderr. */
export class RunSummary {
  urls = 0;
  ok = 0;
  bytes = 0;
  encodedBytes = 0;
  readonly failures = new Map<ErrorCode, number>();
  /** Decoded sizes of the responses. */
  readonly sizes = new LogHistogram();
  /** `timings.total` of the URLs that were fetched (not of lines that were never URLs). */
  readonly totals = new LogHistogram();
  /** The sums of the records' `page` objects (with `--page`). */
  readonly pages = new PageTotals();
  /** With `--budget`: the records over it. */
  readonly budget: Budget | undefined;
  readonly #start = performance.now();

  constructor({ budget }: { budget?: number } = {}) {
    this.budget = budget === undefined ? undefined : new Budget(budget);
  }

  add(record: SizeRecord): void {
    this.urls++;
    this.pages.add(record);
    this.budget?.add(record);
    this.bytes += record.bytes ?? 0;
    this.encodedBytes += record.encodedBytes ?? 0;
    if (record.bytes !== null) this.sizes.add(record.bytes);
    if (record.attempts > 0) this.totals.add(record.timings.total);
    if (record.error === null) {
      this.ok++;
    } else {
      const { code } = record.error;
      this.failures.set(code, (this.failures.get(code) ?? 0) + 1);
    }
  }

  get failed(): number {
    return this.urls - this.ok;
  }

  get seconds(): number {
    return (performance.now() - this.#start) / 1000;
  }

  /**
   * `12 URLs in 1.2 s (10.0 URLs/s): 11 ok, 1 failed (1 DNS); 1.5 MiB decoded, 512.0 KiB transferred`,
   * then, when something was fetched, `bytes p50 …, p95 …, max …; total p50 …, p95 …, max …`,
   * then the pages' totals (with `--page`) and how many were over `--budget`.
   */
  format(): string[] {
    const seconds = this.seconds;
    const rate = seconds > 0 ? this.urls / seconds : 0;
    const byCode = [...this.failures].sort(([, a], [, b]) => b - a).map(([code, count]) => `${count} ${code}`);
    const failed = this.failed > 0 ? `${this.failed} failed (${byCode.join(', ')})` : '0 failed';
    const counts =
      `${this.urls} URL${this.urls === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} URLs/s): ` +
      `${this.ok} ok, ${failed}; ${formatBytes(this.bytes)} decoded, ${formatBytes(this.encodedBytes)} transferred`;
    const spreads = [
      ...(this.sizes.count > 0 ? [`bytes ${spread(this.sizes, (bytes) => formatBytes(Math.round(bytes)))}`] : []),
      ...(this.totals.count > 0 ? [`total ${spread(this.totals, formatMs)}`] : []),
    ];
    return [
      counts,
      ...(spreads.length > 0 ? [spreads.join('; ')] : []),
      ...(this.pages.pages > 0 ? formatPageTotals(this.pages.toJSON()) : []),
      ...(this.budget === undefined ? [] : [this.budget.format(this.urls, this.pages.pages > 0 ? 'page' : 'URL')]),
    ];
  }
}
