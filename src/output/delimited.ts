import type { SizeRecord } from '../record.js';

type Field = string | number | boolean | null;

// The SPEC's CSV/TSV columns, in its order: the record with timings and error flattened.
const columns: [name: string, value: (record: SizeRecord) => Field][] = [
  ['url', (record) => record.url],
  ['index', (record) => record.index],
  ['finalUrl', (record) => record.finalUrl],
  ['status', (record) => record.status],
  ['bytes', (record) => record.bytes],
  ['encodedBytes', (record) => record.encodedBytes],
  ['headerBytes', (record) => record.headerBytes],
  ['contentType', (record) => record.contentType],
  ['contentEncoding', (record) => record.contentEncoding],
  ['httpVersion', (record) => record.httpVersion],
  ['redirects', (record) => record.redirects],
  ['attempts', (record) => record.attempts],
  ['truncated', (record) => record.truncated],
  ['dns', (record) => record.timings.dns],
  ['connect', (record) => record.timings.connect],
  ['tls', (record) => record.timings.tls],
  ['ttfb', (record) => record.timings.ttfb],
  ['total', (record) => record.timings.total],
  ['errorCode', (record) => record.error?.code ?? null],
  ['errorMessage', (record) => record.error?.message ?? null],
];

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
