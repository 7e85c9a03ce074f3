import { resourceTypes } from '../record.js';
import { formatBytes, formatCount, formatShare } from './human-units.js';
import { numberCell, section, tableHtml, type Cell, type Column, type Row, type Section } from './html-parts.js';
import type { ReportAggregate } from './report-aggregate.js';
import { histogramSvg, type Mark } from './svg-histogram.js';
import { stackedBarSvg, swatchSvg, type Segment } from './svg-stacked-bar.js';

const size = (bytes: number): string => formatBytes(Math.round(bytes));

/** The spread of page weights: a log-scale histogram with the median, the 95th percentile and the budget marked. */
export function weightsSection(report: ReportAggregate): Section | undefined {
  const bins = report.bins.bins(32, report.budget === undefined ? [] : [report.budget]);
  if (bins.length === 0) return section('weights', 'Page weights', '<p>No page got a response to weigh.</p>');
  const p50 = report.spread.percentile(50) ?? 0;
  const p95 = report.spread.percentile(95) ?? 0;
  const marks: Mark[] = [
    { label: 'median', bytes: p50, kind: 'median' },
    { label: 'p95', bytes: p95, kind: 'p95' },
    ...(report.budget === undefined ? [] : [{ label: 'budget', bytes: report.budget, kind: 'budget' }]),
  ];
  const count = report.spread.count;
  const description =
    `${formatCount(count)} page${count === 1 ? '' : 's'} weighed, the heaviest ${size(report.spread.max ?? 0)}; ` +
    `median ${size(p50)}, 95th percentile ${size(p95)}` +
    (report.budget === undefined ? '.' : `; ${formatCount(report.overBudget)} over the budget of ${size(report.budget)}.`);
  const chart = histogramSvg(bins, marks, { id: 'weights-chart', title: 'Pages by weight (log scale)', description });
  const table = tableHtml(
    'Pages by weight',
    [
      { label: 'From', numeric: true },
      { label: 'To', numeric: true },
      { label: 'Pages', numeric: true },
    ],
    bins.map((bin): Row => ({
      cells: [numberCell(bin.from, size(bin.from)), numberCell(bin.to, size(bin.to)), numberCell(bin.count, formatCount(bin.count))],
    })),
    { sortable: false },
  );
  const what =
    report.page.pages > 0
      ? 'every request of a page, headers and bodies (<code>page.transferBytes</code>)'
      : 'the response’s headers and body as they came over the wire';
  return section(
    'weights',
    'Page weights',
    `<p class="lead">${description}</p><figure>${chart}<figcaption>Each bar counts the pages in a range of weight; a weight is ${what}.</figcaption></figure>` +
      `<details><summary>The histogram as a table</summary>${table}</details>`,
  );
}

function shareTable(caption: string, segments: readonly Segment[], rows: readonly { requests: number; bytes?: number }[]): string {
  const whole = segments.reduce((sum, segment) => sum + segment.value, 0);
  const columns: Column[] = [
    { label: 'Type' },
    { label: 'Requests', numeric: true },
    { label: 'On the wire', numeric: true },
    { label: 'Share', numeric: true },
  ];
  const withDecoded = rows.every((row) => row.bytes !== undefined);
  if (withDecoded) columns.splice(3, 0, { label: 'Decoded', numeric: true });
  // A type that nothing was loaded as is left out of the table (the bar has no part for it either).
  const used = segments
    .map((segment, at) => ({ segment, row: rows[at] ?? { requests: 0 } }))
    .filter(({ segment, row }) => segment.value > 0 || row.requests > 0);
  return tableHtml(
    caption,
    columns,
    used.map(({ segment, row }) => {
      const cells: Cell[] = [
        { html: `${swatchSvg(segment.kind)} ${segment.label}`, rowHeader: true },
        numberCell(row.requests, formatCount(row.requests)),
        numberCell(segment.value, size(segment.value)),
        numberCell(segment.value / (whole || 1), formatShare(segment.value, whole)),
      ];
      if (withDecoded) cells.splice(3, 0, numberCell(row.bytes ?? 0, size(row.bytes ?? 0)));
      return { cells };
    }),
  );
}

/** The weight by resource type as a stacked bar and its table; with `--page` also the third-party share. */
export function typesSection(report: ReportAggregate): Section | undefined {
  const pages = report.page.pages > 0;
  const totals = resourceTypes.map((type) => report.types[type]);
  const whole = totals.reduce((sum, type) => sum + type.transferBytes, 0);
  const segments = resourceTypes.map((type, at) => {
    const value = totals[at]?.transferBytes ?? 0;
    return { label: type, value, kind: `t-${type}`, tip: `${type}: ${size(value)} (${formatShare(value, whole)})` };
  });
  const description = segments
    .filter((segment) => segment.value > 0)
    .map((segment) => segment.tip)
    .join(', ');
  const how = pages
    ? 'Each request counts as the type it was discovered as (a stylesheet, an image, …); redirect hops are “other”.'
    : 'Without <code>--page</code> each URL is one response, typed by its Content-Type; run with <code>--page</code> to weigh what each page loads.';
  let body =
    `<figure>${stackedBarSvg(segments, { id: 'types-chart', title: 'Bytes on the wire by resource type', description: description || 'nothing was weighed' })}` +
    `<figcaption>${how}</figcaption></figure>${shareTable('Bytes on the wire by resource type', segments, totals)}`;
  if (pages) {
    const third = report.page.thirdParty;
    const parties: Segment[] = [
      { label: 'first-party', value: report.page.transferBytes - third.transferBytes, kind: 'first-party', tip: '' },
      { label: 'third-party', value: third.transferBytes, kind: 'third-party', tip: '' },
    ];
    for (const party of parties)
      party.tip = `${party.label}: ${size(party.value)} (${formatShare(party.value, report.page.transferBytes)})`;
    const requests = [{ requests: report.page.requests - third.requests }, { requests: third.requests }];
    body +=
      `<h3>Third parties</h3><figure>${stackedBarSvg(parties, { id: 'parties-chart', title: 'First-party and third-party bytes', description: parties.map((party) => party.tip).join(', ') })}` +
      `<figcaption>Third-party requests go to a registrable domain other than the page’s.</figcaption></figure>${shareTable('Bytes on the wire by party', parties, requests)}`;
  }
  return section('types', 'Weight by resource type', body);
}
