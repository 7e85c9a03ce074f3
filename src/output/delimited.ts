import { createRecord, type SizeRecord, type Timings } from '../record.js';

type Field = string | number | boolean | null;

type Column = [name: string, value: (record: SizeRecord) => Field];

// The SPEC's CSV/TSV columns: the record's keys in its order, with `timings`
// and `error` flattened into their parts.
const columns = Object.keys(createRecord('', 0)).flatMap((key): Column[] => {
  if (key === 'timings') {
    return Object.keys(createRecord('', 0).timings).map((name): Column => [name, (record) => record.timings[name as keyof Timings]]);
  }
  if (key === 'error') {
    return [
      ['errorCode', (record) => record.error?.code ?? null],
      ['errorMessage', (record) => record.error?.message ?? null],
    ];
  }
  return [[key, (record) => record[key as keyof SizeRecord] as Field]];
});

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
export function toDelimitedFormatter(format: 'csv' | 'tsv'): { header: string; format(record: SizeRecord): string } {
  const [separator, field] = format === 'csv' ? [',', csvField] : ['\t', tsvField];
  return {
    header: `${columns.map(([name]) => name).join(separator)}\n`,
    format: (record) => `${columns.map(([, value]) => field(value(record))).join(separator)}\n`,
  };
}
