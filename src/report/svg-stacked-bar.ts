import { escapeHtml } from './html-text.js';

/** One part of a stacked bar; `kind` is a CSS class that gives its colour. */
export interface Segment {
  label: string;
  value: number;
  kind: string;
  /** The segment's tooltip and its text for screen readers. */
  tip: string;
}

const width = 720;
const height = 32;

/**
 * A horizontal bar split into its parts in proportion, as SVG drawn here. The
 * table beside it in the report carries the same figures as text.
 */
export function stackedBarSvg(
  segments: readonly Segment[],
  { id, title, description }: { id: string; title: string; description: string },
): string {
  const total = segments.reduce((sum, segment) => sum + segment.value, 0);
  const parts: string[] = [];
  let x = 0;
  for (const segment of segments) {
    if (segment.value <= 0 || total <= 0) continue;
    const segmentWidth = (width * segment.value) / total;
    parts.push(
      `<rect class="segment ${segment.kind}" x="${x.toFixed(1)}" y="0" width="${segmentWidth.toFixed(1)}" height="${height}"><title>${escapeHtml(segment.tip)}</title></rect>`,
    );
    x += segmentWidth;
  }
  if (parts.length === 0) parts.push(`<rect class="segment empty" x="0" y="0" width="${width}" height="${height}"/>`);
  return (
    `<svg class="stack" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="none">` +
    `<title id="${id}-title">${escapeHtml(title)}</title><desc id="${id}-desc">${escapeHtml(description)}</desc>` +
    `${parts.join('')}</svg>`
  );
}

/** A small square in a segment's colour, for a legend. */
export function swatchSvg(kind: string): string {
  return `<svg class="swatch" aria-hidden="true" viewBox="0 0 10 10" width="10" height="10"><rect class="segment ${kind}" width="10" height="10"/></svg>`;
}

/** A bar of `value` out of `whole`, for lists of bars (such as weight by path). */
export function barSvg(value: number, whole: number): string {
  const share = whole > 0 ? Math.max(0, Math.min(1, value / whole)) : 0;
  return `<svg class="bar-cell" aria-hidden="true" viewBox="0 0 100 8" width="100%" height="8" preserveAspectRatio="none"><rect class="track" width="100" height="8"/><rect class="fill" width="${(100 * share).toFixed(2)}" height="8"/></svg>`;
}
