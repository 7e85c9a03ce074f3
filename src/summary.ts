import { performance } from 'node:perf_hooks';
import { formatBytes } from './human-units.js';
import type { ErrorCode, SizeRecord } from './record.js';

/** Running totals of a run, for the closing line on stderr. */
export class RunSummary {
  urls = 0;
  ok = 0;
  bytes = 0;
  encodedBytes = 0;
  readonly failures = new Map<ErrorCode, number>();
  readonly #start = performance.now();

  add(record: SizeRecord): void {
    this.urls++;
    this.bytes += record.bytes ?? 0;
    this.encodedBytes += record.encodedBytes ?? 0;
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

  /** One line: `12 URLs in 1.2 s (10.0 URLs/s): 11 ok, 1 failed (1 DNS); 1.5 MiB decoded, 512.0 KiB transferred`. */
  format(): string {
    const seconds = (performance.now() - this.#start) / 1000;
    const rate = seconds > 0 ? this.urls / seconds : 0;
    const byCode = [...this.failures].sort(([, a], [, b]) => b - a).map(([code, count]) => `${count} ${code}`);
    const failed = this.failed > 0 ? `${this.failed} failed (${byCode.join(', ')})` : '0 failed';
    return (
      `${this.urls} URL${this.urls === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} URLs/s): ` +
      `${this.ok} ok, ${failed}; ${formatBytes(this.bytes)} decoded, ${formatBytes(this.encodedBytes)} transferred`
    );
  }
}
