import { formatBytes, formatCount, formatElapsed, formatShare } from './human-units.js';
import { escapeHtml } from './html-text.js';
import type { ReportAggregate } from './report-aggregate.js';

/** What the report says about the run beyond its records. */
export interface RunFacts {
  elapsedSeconds: number;
  interrupted: boolean;
  generatedAt: Date;
}

interface Figure {
  /** A stable name, the `data-figure` attribute (for scripts and tests that read the report). */
  name: string;
  label: string;
  value: string;
  note?: string;
  kind?: string;
}

function figureHtml({ name, label, value, note, kind }: Figure): string {
  const noteHtml = note === undefined ? '' : `<span class="note">${escapeHtml(note)}</span>`;
  return `<div class="figure${kind === undefined ? '' : ` ${kind}`}"><dt>${label}</dt><dd><span data-figure="${name}">${escapeHtml(value)}</span>${noteHtml}</dd></div>`;
}

const statusLabels: [string, string][] = [
  ['2xx', '2xx'],
  ['3xx', '3xx'],
  ['4xx', '4xx'],
  ['5xx', '5xx'],
  ['1xx', '1xx'],
  ['none', 'no response'],
];

/** The run's figures: counts, bytes, time, and with `--page`, `--crawl` or `--budget` theirs. */
export function overviewHtml(report: ReportAggregate, facts: RunFacts): string {
  const pages = report.page.pages > 0;
  const noun = pages || report.site.pages > 0 ? 'pages' : 'URLs';
  const byCode = [...report.failures]
    .sort(([codeA, a], [codeB, b]) => b.count - a.count || codeA.localeCompare(codeB))
    .map(([code, { count }]) => `${formatCount(count)} ${code}`);
  const rate = facts.elapsedSeconds > 0 ? report.urls / facts.elapsedSeconds : 0;
  const figures: Figure[] = [
    { name: 'urls', label: noun === 'pages' ? 'Pages' : 'URLs', value: formatCount(report.urls) },
    { name: 'ok', label: 'OK', value: formatCount(report.ok) },
    {
      name: 'failed',
      label: 'Failed',
      value: formatCount(report.failed),
      kind: report.failed > 0 ? 'bad' : 'good',
      ...(byCode.length > 0 ? { note: byCode.join(', ') } : {}),
    },
    { name: 'decoded', label: 'Decoded', value: formatBytes(pages ? report.page.bytes : report.bytes) },
    {
      name: 'wire',
      label: 'On the wire',
      value: formatBytes(report.weightBytes),
      note: pages ? 'headers and bodies of every request' : 'headers and bodies',
    },
    { name: 'elapsed', label: 'Elapsed', value: formatElapsed(facts.elapsedSeconds) },
    { name: 'rate', label: 'Rate', value: `${rate.toFixed(1)} ${noun}/s` },
  ];
  if (pages) {
    figures.push({
      name: 'requests',
      label: 'Requests',
      value: formatCount(report.page.requests),
      note: `${(report.page.requests / report.page.pages).toFixed(1)} a page`,
    });
    figures.push({
      name: 'third-party',
      label: 'Third-party',
      value: formatShare(report.page.thirdParty.transferBytes, report.page.transferBytes),
      note: 'of the bytes on the wire',
    });
  }
  if (report.site.pages > 0) {
    figures.push({
      name: 'broken-links',
      label: 'Broken links',
      value: formatCount(report.site.brokenLinkCount),
      kind: report.site.brokenLinkCount > 0 ? 'bad' : 'good',
    });
    figures.push({
      name: 'max-depth',
      label: 'Deepest',
      value: String(report.site.maxDepth),
      note: `link${report.site.maxDepth === 1 ? '' : 's'} from a start URL`,
    });
  }
  if (report.budget !== undefined) {
    figures.push({
      name: 'over-budget',
      label: 'Over budget',
      value: formatCount(report.overBudget),
      note: `pages over ${formatBytes(report.budget)}`,
      kind: report.overBudget > 0 ? 'bad' : 'good',
    });
  }
  const statuses = statusLabels
    .filter(([key]) => report.statuses.has(key))
    .map(
      ([key, label]) =>
        `<li><span class="status-${key}">${label}</span> <span class="num">${formatCount(report.statuses.get(key) ?? 0)}</span></li>`,
    )
    .join('');
  const notice = facts.interrupted
    ? `<p class="notice" role="status">The run was interrupted: this report shows the ${formatCount(report.urls)} ${report.urls === 1 ? noun.slice(0, -1) : noun} measured before it stopped.</p>`
    : '';
  return `${notice}<dl class="figures">${figures.map(figureHtml).join('')}</dl>${statuses === '' ? '' : `<ul class="statuses" aria-label="Responses by status">${statuses}</ul>`}`;
}
