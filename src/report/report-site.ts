import { formatBytes, formatCount, formatShare } from './human-units.js';
import { numberCell, section, tableHtml, type Row, type Section } from './html-parts.js';
import { escapeHtml, shownText, urlHtml } from './html-text.js';
import { otherPrefixes, type PrefixTotal } from './path-prefixes.js';
import type { ReportAggregate } from './report-aggregate.js';
import { barSvg } from './svg-stacked-bar.js';

const shownPrefixes = 25;
const shownChildren = 6;

// One site's prefixes read better as paths; several sites keep their origins.
function labelOf(prefix: string, origins: ReadonlySet<string>): string {
  if (prefix === otherPrefixes || origins.size !== 1) return prefix;
  return new URL(prefix).pathname;
}

function originOf(prefix: string): string | undefined {
  return prefix === otherPrefixes ? undefined : new URL(prefix).origin;
}

/** The site's weight by the first two folders of its paths, as an indented list of bars. */
export function prefixesSection(report: ReportAggregate): Section | undefined {
  const totals = report.site.prefixes.totals();
  if (totals.length === 0) return undefined;
  const origins = new Set(totals.map((total) => originOf(total.prefix)).filter((origin) => origin !== undefined));
  const whole = totals.reduce((sum, total) => sum + total.bytes, 0);
  const row = (total: PrefixTotal, child: boolean): Row => ({
    ...(child ? { kind: 'child' } : {}),
    cells: [
      { html: `<span class="prefix">${shownText(labelOf(total.prefix, origins))}</span>`, rowHeader: true },
      numberCell(total.pages, formatCount(total.pages)),
      numberCell(total.bytes, formatBytes(total.bytes)),
      numberCell(total.bytes / (whole || 1), formatShare(total.bytes, whole)),
      { html: barSvg(total.bytes, whole) },
    ],
  });
  const rows = totals
    .slice(0, shownPrefixes)
    .flatMap((total) => [row(total, false), ...total.children.slice(0, shownChildren).map((child) => row(child, true))]);
  const left = totals.length - Math.min(totals.length, shownPrefixes);
  const site = origins.size === 1 ? ` of ${escapeHtml([...origins][0] ?? '')}` : '';
  const table = tableHtml(
    `Pages and their weight by path${site}: first-level folders, and indented the second level under them`,
    [
      { label: 'Path' },
      { label: 'Pages', numeric: true },
      { label: 'Weight', numeric: true },
      { label: 'Share', numeric: true },
      { label: '<span class="visually-hidden">Bar</span>' },
    ],
    rows,
    { sortable: false },
  );
  const more = left > 0 ? `<p>${formatCount(left)} lighter prefixes are not shown.</p>` : '';
  return section('site', 'Weight by path', `${table}${more}`);
}

/** Pages of the crawl that answered 4xx/5xx or failed, each with the page that linked to it. */
export function brokenLinksSection(report: ReportAggregate): Section | undefined {
  if (report.site.pages === 0) return undefined;
  if (report.site.brokenLinkCount === 0)
    return section('broken', 'Broken links', '<p class="good">No broken links: every page found answered below 400.</p>');
  const shown = report.site.brokenLinks.length;
  const table = tableHtml(
    shown < report.site.brokenLinkCount
      ? `The first ${formatCount(shown)} of ${formatCount(report.site.brokenLinkCount)} broken links`
      : `${formatCount(shown)} broken link${shown === 1 ? '' : 's'}`,
    [{ label: 'URL' }, { label: 'Status', numeric: true }, { label: 'Linked from' }],
    report.site.brokenLinks.map((link): Row => ({
      cells: [
        { html: urlHtml(link.url), rowHeader: true },
        link.error === undefined
          ? numberCell(link.status ?? 0, `<span class="status-${Math.floor((link.status ?? 0) / 100)}xx">${link.status ?? '–'}</span>`)
          : { html: `<span class="status-none">${escapeHtml(link.error)}</span>`, sort: 0 },
        { html: link.linkedFrom === null ? '<span class="muted">a start URL</span>' : urlHtml(link.linkedFrom) },
      ],
    })),
  );
  return section('broken', 'Broken links', table);
}
