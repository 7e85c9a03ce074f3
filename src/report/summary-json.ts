import type { SiteSummary } from './site-totals.js';
import type { RunSummary } from './summary.js';

/**
 * The summary as one JSON object (`--summary-json`), with SPEC's keys: the
 * run's counts, and `site` for a crawl. The `page` key, the sums of the
 * records' `page` objects, comes from the page mode's totals when given.
 */
export function summaryJson(summary: RunSummary, extra: { interrupted: boolean; site?: SiteSummary; page?: object }): string {
  const seconds = summary.seconds;
  const json = {
    urls: summary.urls,
    ok: summary.ok,
    failed: summary.failed,
    errors: Object.fromEntries(summary.failures),
    bytes: summary.bytes,
    encodedBytes: summary.encodedBytes,
    elapsedSeconds: Math.round(seconds * 1000) / 1000,
    urlsPerSecond: seconds > 0 ? Math.round((summary.urls / seconds) * 10) / 10 : 0,
    interrupted: extra.interrupted,
    ...(extra.page === undefined ? {} : { page: extra.page }),
    ...(extra.site === undefined ? {} : { site: extra.site }),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
