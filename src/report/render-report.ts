import { createHash } from 'node:crypto';
import { version } from '../version.js';
import { formatCount } from './human-units.js';
import { escapeHtml } from './html-text.js';
import type { ReportAggregate } from './report-aggregate.js';
import { typesSection, weightsSection } from './report-charts.js';
import { overviewHtml, type RunFacts } from './report-overview.js';
import { reportScript } from './report-script.js';
import { brokenLinksSection, prefixesSection } from './report-site.js';
import { reportStyle } from './report-style.js';
import { failuresSection, heaviestPagesSection, heaviestResourcesSection } from './report-tables.js';

export type { RunFacts } from './report-overview.js';

const hashOf = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// Nothing may load: no source is allowed but the one inline stylesheet and
// script, by hash, so that a browser refuses anything else the page could name.
const contentSecurityPolicy = `default-src 'none'; style-src ${hashOf(reportStyle)}; script-src ${hashOf(reportScript)}; base-uri 'none'; form-action 'none'`;

/**
 * The whole report as one self-contained HTML document, from the run's
 * aggregate: its size depends on the aggregate's caps, never on the number of records.
 */
export function renderReport(report: ReportAggregate, facts: RunFacts): string {
  const sections = [
    weightsSection(report),
    typesSection(report),
    heaviestPagesSection(report),
    heaviestResourcesSection(report),
    failuresSection(report),
    prefixesSection(report),
    brokenLinksSection(report),
  ].filter((section) => section !== undefined);
  const links = sections.map(({ id, heading }) => `<li><a href="#${id}">${heading}</a></li>`).join('');
  const when = `${facts.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const noun = report.page.pages > 0 || report.site.pages > 0 ? 'page' : 'URL';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="sitesize ${escapeHtml(version)}">
<title>sitesize report: ${formatCount(report.urls)} ${noun}${report.urls === 1 ? '' : 's'}, ${when}</title>
<style>${reportStyle}</style>
</head>
<body>
<header>
<h1>Page weight report</h1>
<p class="meta">Measured by sitesize ${escapeHtml(version)} · written ${when}${facts.interrupted ? ' · <strong>interrupted</strong>' : ''}</p>
<nav aria-label="Contents"><ul><li><a href="#totals">Totals</a></li>${links}</ul></nav>
</header>
<main>
<section id="totals" aria-labelledby="totals-heading"><h2 id="totals-heading">Totals</h2>
${overviewHtml(report, facts)}
</section>
${sections.map((section) => section.html).join('\n')}
</main>
<footer>Sizes in powers of 1024 (1 KiB = 1,024 bytes). Made from aggregates kept while the run streamed: the tables show the heaviest and the first examples found, not every record.</footer>
<script>${reportScript}</script>
</body>
</html>
`;
}
