import { formatBytes, formatMs } from '../report/human-units.js';
import type { SizeRecord } from '../record.js';
import { paint, type Hue } from '../report/terminal.js';

// Widths are fixed before the first row, so the table streams instead of waiting
// for the whole run; a wider value shifts only its own row. The URL comes last,
// since its width varies most.
const indexWidth = 7;
const statusWidth = 6;
const sizeWidth = 10;
const timeWidth = 9;

function statusHue(status: number | null): Hue {
  if (status === null || status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  if (status >= 300) return 'cyan';
  return 'green';
}

const sizeOf = (bytes: number | null): string => (bytes === null ? '-' : formatBytes(bytes));

/**
 * Aligned columns for people: human sizes, the status coloured when `color`
 * is set, and after the URL what went wrong (or that the body was cut short).
 */
export function toTableFormatter({ color }: { color: boolean }): { header: string; format(record: SizeRecord): string } {
  // Colour wraps a padded cell, so escape codes never count towards a width.
  const colored = (hue: Hue, text: string): string => (color ? paint(hue, text) : text);
  const row = (index: string, status: string, size: string, wire: string, time: string, rest: string): string =>
    `${index.padStart(indexWidth)}  ${status}  ${size.padStart(sizeWidth)}  ${wire.padStart(sizeWidth)}  ${time.padStart(timeWidth)}  ${rest}\n`;
  return {
    header: row('INDEX', 'STATUS'.padEnd(statusWidth), 'SIZE', 'WIRE', 'TIME', 'URL'),
    format(record) {
      const status = colored(statusHue(record.status), String(record.status ?? '-').padEnd(statusWidth));
      const note = record.error
        ? `  ${colored('red', `${record.error.code}:`)} ${record.error.message}`
        : record.truncated
          ? '  (truncated)'
          : '';
      return row(
        String(record.index),
        status,
        sizeOf(record.bytes),
        sizeOf(record.encodedBytes),
        formatMs(record.timings.total),
        record.url + note,
      );
    },
  };
}
