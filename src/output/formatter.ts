import { toDelimitedFormatter } from './delimited.js';
import type { Format } from '../options.js';
import type { SizeRecord } from '../record.js';
import { toTableFormatter } from './table.js';

/** Turns records into output lines; `header` (possibly empty) comes once, before the first record. */
export interface RecordFormatter {
  header: string;
  format(record: SizeRecord): string;
}

/** A record as one JSON line, newline included. */
function toJsonLine(record: SizeRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export function createFormatter(format: Format, { color }: { color: boolean }): RecordFormatter {
  switch (format) {
    case 'jsonl':
      return { header: '', format: toJsonLine };
    case 'csv':
    case 'tsv':
      return toDelimitedFormatter(format);
    case 'table':
      return toTableFormatter({ color });
  }
}
