import { formatBytes, formatCount } from './human-units.js';
import { numberCell, section, tableHtml, type Cell, type Column, type Row, type Section } from './html-parts.js';
import { escapeHtml, urlHtml } from './html-text.js';
import { shownRows, type ReportAggregate } from './report-aggregate.js';

const statusCell = (status: number | null, error: string | undefined): Cell =>
  error !== undefined
    ? { html: `<span class="status-none">${escapeHtml(error)}</span>`, sort: status ?? 0 }
    : { html: status === null ? '–' : `<span class="status-${Math.floor(status / 100)}xx">${status}</span>`, sort: status ?? 0 };

const sizeCell = (bytes: number | null): Cell => (bytes === null ? { html: '–', sort: 0 } : numberCell(bytes, formatBytes(bytes)));

/** The heaviest pages, with those over the budget marked. */
export function heaviestPagesSection(report: ReportAggregate): Section | undefined {
  const rows = report.heaviest.sorted();
  if (rows.length === 0) return undefined;
  const pages = report.page.pages > 0;
  const budget = report.budget;
  const columns: Column[] = [
    { label: '#', numeric: true },
    { label: 'URL' },
    { label: 'Status', numeric: true },
    { label: 'Weight', numeric: true },
    { label: 'Decoded', numeric: true },
    ...(pages ? [{ label: 'Requests', numeric: true }] : []),
  ];
  const table = tableHtml(
    `The ${formatCount(rows.length)} heaviest of ${formatCount(report.spread.count)}`,
    columns,
    rows.map(({ item }, at): Row => {
      const over = budget !== undefined && item.weight > budget;
      const flag = over ? ` <strong class="over-flag">over budget by ${formatBytes(item.weight - budget)}</strong>` : '';
      return {
        ...(over ? { kind: 'over' } : {}),
        cells: [
          numberCell(at + 1),
          { html: `${urlHtml(item.url)}${flag}`, rowHeader: true },
          statusCell(item.status, item.error),
          numberCell(item.weight, formatBytes(item.weight)),
          sizeCell(item.bytes),
          ...(pages ? [item.requests === undefined ? { html: '–', sort: 0 } : numberCell(item.requests, formatCount(item.requests))] : []),
        ],
      };
    }),
  );
  return section('heaviest', `Heaviest ${pages ? 'pages' : 'URLs'}`, table);
}

/** The heaviest resources of a `--page` run and how many pages use each. */
export function heaviestResourcesSection(report: ReportAggregate): Section | undefined {
  const resources = report.resources.heaviest(shownRows);
  // Without --page each request is a URL of the list, which the heaviest URLs show already.
  if (resources.length === 0 || report.page.pages === 0) return undefined;
  const table = tableHtml(
    `The ${formatCount(resources.length)} heaviest of the run’s ${formatCount(report.resources.requests)} requests`,
    [
      { label: '#', numeric: true },
      { label: 'URL' },
      { label: 'Type' },
      { label: 'Status', numeric: true },
      { label: 'On the wire', numeric: true },
      { label: 'Decoded', numeric: true },
      { label: 'On all pages', numeric: true },
      { label: 'Pages', numeric: true },
    ],
    resources.map((resource, at): Row => ({
      cells: [
        numberCell(at + 1),
        { html: urlHtml(resource.url), rowHeader: true },
        { html: escapeHtml(resource.type) },
        statusCell(resource.status, undefined),
        numberCell(resource.transferBytes, formatBytes(resource.transferBytes)),
        numberCell(resource.bytes, formatBytes(resource.bytes)),
        numberCell(resource.transferBytes * resource.pages, formatBytes(resource.transferBytes * resource.pages)),
        numberCell(resource.pages, formatCount(resource.pages)),
      ],
    })),
  );
  return section(
    'resources',
    'Heaviest resources',
    `<p>A resource used by many pages weighs on each of them, since every page is weighed as a first visit: “on all pages” is what it adds to the run’s page weights.</p>${table}`,
  );
}

/** Failures by error code, most frequent first, with the first URLs that failed so. */
export function failuresSection(report: ReportAggregate): Section | undefined {
  const failures = [...report.failures].sort(([codeA, a], [codeB, b]) => b.count - a.count || codeA.localeCompare(codeB));
  const subresources = [...report.subresourceErrors].sort(([codeA, a], [codeB, b]) => b - a || codeA.localeCompare(codeB));
  if (failures.length === 0 && subresources.length === 0) return undefined;
  let body = '';
  if (failures.length > 0) {
    body += tableHtml(
      `${formatCount(report.failed)} of ${formatCount(report.urls)} got no complete response`,
      [{ label: 'Code' }, { label: 'Count', numeric: true }, { label: 'Examples' }],
      failures.map(([code, failure]): Row => ({
        cells: [
          { html: `<code>${escapeHtml(code)}</code>`, rowHeader: true },
          numberCell(failure.count, formatCount(failure.count)),
          { html: `<ul class="examples">${failure.examples.map((url) => `<li>${urlHtml(url)}</li>`).join('')}</ul>` },
        ],
      })),
    );
  }
  if (subresources.length > 0) {
    const list = subresources
      .map(([code, count]) => `<li><code>${escapeHtml(code)}</code> <span class="num">${formatCount(count)}</span></li>`)
      .join('');
    body += `<h3>Subresources that failed</h3><p>${formatCount(report.page.failed)} subresources got no complete response (they do not fail their page):</p><ul class="statuses">${list}</ul>`;
  }
  return section('failures', 'Failures', body);
}
