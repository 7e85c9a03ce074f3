import { formatBytes, formatCount } from './human-units.js';
import { escapeHtml } from './html-text.js';
import type { WeightBin } from './weight-bins.js';

/** A vertical line across the histogram at a weight, such as the median. */
export interface Mark {
  label: string;
  bytes: number;
  /** A CSS class: `median`, `p95`, `budget`. */
  kind: string;
}

const width = 720;
const height = 280;
const left = 56;
const right = 16;
const markRow = 15;
const bottom = 36;

// Axis labels at octave edges: 1 KiB rather than 1.0 KiB.
const axisBytes = (bytes: number): string => formatBytes(Math.round(bytes)).replace('.0 ', ' ');

/**
 * The page-weight histogram as SVG drawn here, so that it shows without
 * JavaScript and prints: equal-width bars on a log scale of weight, marks as
 * labelled vertical lines. `id` names its title and description for
 * `aria-labelledby`; each bar has a title (a tooltip and its text for screen readers).
 */
export function histogramSvg(
  bins: readonly WeightBin[],
  marks: readonly Mark[],
  { id, title, description }: { id: string; title: string; description: string },
): string {
  const first = bins[0];
  const last = bins.at(-1);
  if (first === undefined || last === undefined) return '';
  const top = 8 + markRow * marks.length;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const most = Math.max(...bins.map((bin) => bin.count));
  const barWidth = plotWidth / bins.length;
  const low = Math.log2(first.from);
  const span = Math.log2(last.to) - low;
  const xOf = (bytes: number): number => left + (plotWidth * (Math.log2(Math.max(bytes, first.from)) - low)) / span;
  const parts: string[] = [];
  bins.forEach((bin, at) => {
    const barHeight = (plotHeight * bin.count) / most;
    const x = left + at * barWidth;
    const tip = `${axisBytes(bin.from)} to ${axisBytes(bin.to)}: ${formatCount(bin.count)} page${bin.count === 1 ? '' : 's'}`;
    parts.push(
      `<rect class="bar" x="${x.toFixed(1)}" y="${(top + plotHeight - barHeight).toFixed(1)}" width="${Math.max(1, barWidth - 2).toFixed(1)}" height="${barHeight.toFixed(1)}"><title>${escapeHtml(tip)}</title></rect>`,
    );
  });
  // Every octave edge would crowd the axis on a wide spread: label at most about eight.
  const edges = [first.from, ...bins.map((bin) => bin.to)].filter((bytes) => Number.isInteger(Math.log2(bytes)));
  const every = Math.max(1, Math.ceil(edges.length / 8));
  edges.forEach((bytes, at) => {
    if (at % every !== 0) return;
    const x = xOf(bytes).toFixed(1);
    parts.push(`<line class="tick" x1="${x}" x2="${x}" y1="${top + plotHeight}" y2="${top + plotHeight + 5}"/>`);
    // The last label ends at the edge rather than past it.
    const anchor = xOf(bytes) > width - right - 24 ? 'end' : 'middle';
    parts.push(`<text class="axis" x="${x}" y="${top + plotHeight + 20}" text-anchor="${anchor}">${escapeHtml(axisBytes(bytes))}</text>`);
  });
  for (const count of most >= 2 ? [most, Math.round(most / 2)] : [most]) {
    const y = (top + plotHeight - (plotHeight * count) / most).toFixed(1);
    parts.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="axis" x="${left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${formatCount(count)}</text>`);
  }
  parts.push(`<line class="baseline" x1="${left}" x2="${width - right}" y1="${top + plotHeight}" y2="${top + plotHeight}"/>`);
  marks.forEach((mark, row) => {
    const x = xOf(Math.min(mark.bytes, last.to));
    const anchor = x > width - 160 ? 'end' : 'start';
    const textX = (anchor === 'end' ? x - 4 : x + 4).toFixed(1);
    const y = 8 + markRow * row + 11;
    parts.push(`<line class="mark ${mark.kind}" x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${y - 10}" y2="${top + plotHeight}"/>`);
    parts.push(
      `<text class="mark-label ${mark.kind}" x="${textX}" y="${y}" text-anchor="${anchor}">${escapeHtml(`${mark.label} ${formatBytes(Math.round(mark.bytes))}`)}</text>`,
    );
  });
  return (
    `<svg class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    `${parts.join('')}</svg>`
  );
}
