import { formatBytes, formatMs } from '../report/human-units.js';
import { resourceTypes, type PageWeight, type SizeRecord } from '../record.js';
import { paint, type Hue } from '../report/terminal.js';
import type { RecordShape } from './record-shape.js';

// Widths are fixed before the first row, so the table streams instead of waiting
// for the whole run; a wider value shifts only its own row. The URL comes last,
// since its width varies most.
const indexWidth = 7;
const statusWidth = 6;
const sizeWidth = 10;
const requestsWidth = 5;
const timeWidth = 9;
const typesShown = 3;

function statusHue(status: number | null): Hue {
  if (status === null || status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  if (status >= 300) return 'cyan';
  return 'green';
}

const sizeOf = (bytes: number | null): string => (bytes === null ? '-' : formatBytes(bytes));

// The page's heaviest resource types by transfer bytes, such as `image 1.2 MiB, script 80.0 KiB`.
function heaviestTypes(page: PageWeight): string {
  return resourceTypes
    .filter((type) => page.types[type].transferBytes > 0)
    .sort((a, b) => page.types[b].transferBytes - page.types[a].transferBytes)
    .slice(0, typesShown)
    .map((type) => `${type} ${formatBytes(page.types[type].transferBytes)}`)
    .join(', ');
}

/**
 * Aligned columns for people: human sizes, the status coloured when `color`
 * is set, and after the URL what went wrong (or that the body was cut short).
 * With pages, the page's transfer bytes and requests follow the document's
 * sizes, and its three heaviest types follow the URL.
 */
export function toTableFormatter(
  { color }: { color: boolean },
  shape: RecordShape,
): { header: string; format(record: SizeRecord): string } {
  // Colour wraps a padded cell, so escape codes never count towards a width.
  const colored = (hue: Hue, text: string): string => (color ? paint(hue, text) : text);
  const row = (index: string, status: string, sizes: string[], time: string, rest: string): string =>
    `${[index.padStart(indexWidth), status, ...sizes, time.padStart(timeWidth), rest].join('  ')}\n`;
  const pageCells = (page: PageWeight | undefined): string[] =>
    shape.page ? [sizeOf(page?.transferBytes ?? null).padStart(sizeWidth), String(page?.requests ?? '-').padStart(requestsWidth)] : [];
  const header = ['SIZE', 'WIRE'].map((name) => name.padStart(sizeWidth));
  if (shape.page) header.push('PAGE'.padStart(sizeWidth), 'REQS'.padStart(requestsWidth));
  return {
    header: row('INDEX', 'STATUS'.padEnd(statusWidth), header, 'TIME', 'URL'),
    format(record) {
      const status = colored(statusHue(record.status), String(record.status ?? '-').padEnd(statusWidth));
      const types = record.page === undefined ? '' : heaviestTypes(record.page);
      const note = record.error
        ? `  ${colored('red', `${record.error.code}:`)} ${record.error.message}`
        : record.truncated
          ? '  (truncated)'
          : '';
      const sizes = [sizeOf(record.bytes), sizeOf(record.encodedBytes)].map((size) => size.padStart(sizeWidth));
      return row(
        String(record.index),
        status,
        [...sizes, ...pageCells(record.page)],
        formatMs(record.timings.total),
        `${record.url}${types === '' ? '' : `  [${types}]`}${note}`,
      );
    },
  };
}
