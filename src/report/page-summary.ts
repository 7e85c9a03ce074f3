import { resourceTypes } from '../record.js';
import { formatBytes } from './human-units.js';
import type { PageTotalsJson } from './page-totals.js';

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

function share(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '0.0%';
}

/**
 * The summary's lines for the pages of a run: what they weighed, how much of
 * it third parties sent, the subresources that failed (by code, most frequent
 * first), then each resource type that had requests, heaviest first.
 */
export function formatPageTotals(totals: PageTotalsJson): string[] {
  const { thirdParty } = totals;
  const codes = Object.entries(totals.errors).map(([code, count]) => `${count} ${code}`);
  const parts = [
    `${plural(totals.pages, 'page')}: ${plural(totals.requests, 'request')}, ` +
      `${formatBytes(totals.transferBytes)} transferred, ${formatBytes(totals.bytes)} decoded`,
    `third parties ${plural(thirdParty.requests, 'request')}, ${formatBytes(thirdParty.transferBytes)} ` +
      `(${share(thirdParty.transferBytes, totals.transferBytes)} of transferred)`,
    totals.failed > 0 ? `${plural(totals.failed, 'subresource')} failed (${codes.join(', ')})` : '0 subresources failed',
    ...(totals.deferred > 0 ? [`${totals.deferred} deferred`] : []),
    ...(totals.incomplete > 0 ? [`${plural(totals.incomplete, 'page')} incomplete (--max-resources)`] : []),
    ...(totals.co2 === undefined ? [] : [`${totals.co2} g CO2e`]),
  ];
  const types = resourceTypes
    .filter((type) => totals.types[type].requests > 0)
    .sort((a, b) => totals.types[b].transferBytes - totals.types[a].transferBytes)
    .map((type) => `${type} ${totals.types[type].requests}, ${formatBytes(totals.types[type].transferBytes)}`);
  return types.length > 0 ? [parts.join('; '), `by type (requests, transferred): ${types.join('; ')}`] : [parts.join('; ')];
}
