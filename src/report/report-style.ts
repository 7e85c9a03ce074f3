// The report's one stylesheet, inline (its hash is in the page's CSP). System
// fonts only: a web font would be a request. Colours are variables so that
// dark mode and print swap them in one place; the charts' SVG uses them too.
export const reportStyle = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1d2330; --muted: #5d6678; --line: #d9dde5; --panel: #f4f6f9; --accent: #2458c7;
  --good: #1c7c3c; --bad: #b3261e; --warn: #8a5a00; --over: #fdecea;
  --bar: #4a7bd9; --median: #1c7c3c; --p95: #b35c00; --budget: #b3261e;
  --t-document: #4a7bd9; --t-stylesheet: #8e5bd6; --t-script: #e0a526; --t-image: #2ba37a;
  --t-font: #d4568a; --t-media: #3bb3c9; --t-other: #9aa3b2; --first-party: #4a7bd9; --third-party: #e07b39;
}
/* Paper is white: dark mode is for screens only. */
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #14171d; --fg: #e4e8ef; --muted: #a0a9b8; --line: #343a46; --panel: #1d212a; --accent: #8fb2ff;
    --good: #6fd08f; --bad: #ff8a80; --warn: #f0c060; --over: #3a1f22;
    --bar: #6f9bf0; --median: #6fd08f; --p95: #f0a060; --budget: #ff8a80;
  }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
code { font: .9em ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.meta, .muted, figcaption, caption, .note { color: var(--muted); }
.meta { margin: 0 0 1rem; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: 0 0 1rem; list-style: none; }
.notice { padding: .6rem .9rem; border-left: 4px solid var(--warn); background: var(--panel); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.figure { background: var(--panel); border-radius: .5rem; padding: .6rem .8rem; }
.figure dt { color: var(--muted); font-size: .85rem; }
.figure dd { margin: 0; font-size: 1.35rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .note { display: block; font-size: .8rem; font-weight: 400; }
.figure.bad dd > span:first-child { color: var(--bad); }
.good { color: var(--good); }
.statuses { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; list-style: none; font-variant-numeric: tabular-nums; }
.status-2xx { color: var(--good); } .status-3xx { color: var(--accent); } .status-4xx { color: var(--warn); }
.status-5xx, .status-none { color: var(--bad); }
.lead { margin: 0 0 .5rem; }
figure { margin: 0 0 1rem; }
svg.chart, svg.stack { display: block; width: 100%; height: auto; }
svg.stack { height: 2rem; margin-bottom: .4rem; border-radius: .25rem; }
.chart .bar { fill: var(--bar); }
.chart .axis { fill: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
.chart .grid { stroke: var(--line); stroke-dasharray: 2 3; }
.chart .baseline, .chart .tick { stroke: var(--muted); }
.chart .mark { stroke-width: 2; stroke-dasharray: 5 3; }
.chart .mark-label { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: var(--bg); stroke-width: 4px; stroke-linejoin: round; }
.mark.median { stroke: var(--median); } .mark-label.median { fill: var(--median); }
.mark.p95 { stroke: var(--p95); } .mark-label.p95 { fill: var(--p95); }
.mark.budget { stroke: var(--budget); } .mark-label.budget { fill: var(--budget); }
.segment.t-document { fill: var(--t-document); } .segment.t-stylesheet { fill: var(--t-stylesheet); }
.segment.t-script { fill: var(--t-script); } .segment.t-image { fill: var(--t-image); } .segment.t-font { fill: var(--t-font); }
.segment.t-media { fill: var(--t-media); } .segment.t-other { fill: var(--t-other); } .segment.empty { fill: var(--line); }
.segment.first-party { fill: var(--first-party); } .segment.third-party { fill: var(--third-party); }
.swatch { vertical-align: -1px; margin-right: .35rem; }
.bar-cell { display: block; min-width: 8rem; }
.bar-cell .track { fill: var(--panel); } .bar-cell .fill { fill: var(--bar); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin: .5rem 0 1rem; }
caption { text-align: left; padding: 0 0 .35rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: .85rem; color: var(--muted); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
.url { overflow-wrap: anywhere; word-break: break-word; }
tr.over { background: var(--over); }
.over-flag { display: inline-block; margin-left: .4rem; font-size: .75rem; color: var(--bad); white-space: nowrap; }
tr.child th { padding-left: 1.75rem; }
tr.child { color: var(--muted); }
.examples { margin: 0; padding-left: 1rem; }
th button { font: inherit; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; } th[aria-sort="descending"] button::after { content: " ▼"; }
details { margin: .5rem 0 1rem; } summary { cursor: pointer; color: var(--accent); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { color-scheme: light; --bg: #fff; --fg: #000; --muted: #444; --panel: #f2f2f2; --line: #ccc; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, details, th button::after { display: none; }
  a { color: inherit; text-decoration: none; }
  section, figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
