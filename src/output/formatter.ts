import { toDelimitedFormatter } from './delimited.js';
import type { Format } from '../options.js';
import type { SizeRecord } from '../record.js';
import type { RecordShape } from './record-shape.js';
import { toTableFormatter } from './table.js';

/** Turns records into output lines; `header` (possibly empty) comes once, before the first record. */
export interface RecordFormatter {
  header: string;
  format(record: SizeRecord): string;
}

/** The formats that are one line (or row) per record; HAR is one document. */
export type LineFormat = Exclude<Format, 'har'>;

/** A record as one JSON line, newline included. */
function toJsonLine(record: SizeRecord): string {
  return `${JSON.stringify(record)}\n`;
}

const listShape: RecordShape = { page: false, crawl: false };

export function createFormatter(
  format: LineFormat,
  { color, shape = listShape }: { color: boolean; shape?: RecordShape },
): RecordFormatter {
  switch (format) {
    case 'jsonl':
      return { header: '', format: toJsonLine };
    case 'csv':
    case 'tsv':
      return toDelimitedFormatter(format, shape);
    case 'table':
      return toTableFormatter({ color }, shape);
  }
}
