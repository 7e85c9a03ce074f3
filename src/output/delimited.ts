import type { SizeRecord } from '../record.js';
import { columnsFor, type Field } from './columns.js';
import type { RecordShape } from './record-shape.js';

// RFC 4180: a field with a quote, comma or line break is quoted, its quotes doubled.
function csvField(value: Field): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// TSV has no quoting, so tabs and line breaks inside a field become spaces.
function tsvField(value: Field): string {
  return value === null ? '' : String(value).replace(/[\t\r\n]/g, ' ');
}

/** CSV or TSV: a header row, then one row per record, each ending in `\n`. */
export function toDelimitedFormatter(format: 'csv' | 'tsv', shape: RecordShape): { header: string; format(record: SizeRecord): string } {
  const [separator, field] = format === 'csv' ? [',', csvField] : ['\t', tsvField];
  const columns = columnsFor(shape);
  return {
    header: `${columns.map(([name]) => name).join(separator)}\n`,
    format: (record) => `${columns.map(([, value]) => field(value(record))).join(separator)}\n`,
  };
}
