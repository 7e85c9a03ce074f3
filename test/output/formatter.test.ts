import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/output/formatter.js';
import { failedRecord, type SizeRecord } from '../../src/record.js';

const header =
  'url,index,finalUrl,status,bytes,encodedBytes,headerBytes,contentType,contentEncoding,httpVersion,redirects,attempts,truncated,dns,connect,tls,ttfb,total,errorCode,errorMessage\n';

function okRecord(overrides: Partial<SizeRecord> = {}): SizeRecord {
  return {
    url: 'http://127.0.0.1:8080/a',
    index: 3,
    finalUrl: 'http://127.0.0.1:8080/a',
    status: 200,
    bytes: 1536,
    encodedBytes: 512,
    headerBytes: 120,
    contentType: 'text/html; charset=utf-8',
    contentEncoding: 'gzip',
    httpVersion: '1.1',
    redirects: 0,
    attempts: 1,
    truncated: false,
    timings: { dns: null, connect: 0.4, tls: null, ttfb: 2.5, total: 3.1 },
    error: null,
    ...overrides,
  };
}

const failed = failedRecord('ftp://x,"y"', 4, 'UNSUPPORTED_PROTOCOL', 'unsupported protocol ftp');

describe('csv', () => {
  const csv = createFormatter('csv', { color: false });

  it('has the SPEC columns in order, nulls as empty fields, timings and error flattened', () => {
    expect(csv.header).toBe(header);
    expect(csv.format(okRecord())).toBe(
      'http://127.0.0.1:8080/a,3,http://127.0.0.1:8080/a,200,1536,512,120,text/html; charset=utf-8,gzip,1.1,0,1,false,,0.4,,2.5,3.1,,\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks per RFC 4180', () => {
    expect(csv.format(failed)).toBe('"ftp://x,""y""",4,,,,,,,,,0,0,false,,,,,0,UNSUPPORTED_PROTOCOL,unsupported protocol ftp\n');
    const withBreak = okRecord({ error: { code: 'PROTOCOL', message: 'bad\r\nline' }, contentType: 'a"b' });
    expect(csv.format(withBreak)).toContain(',"a""b",');
    expect(csv.format(withBreak)).toMatch(/,PROTOCOL,"bad\r\nline"\n$/);
  });
});

describe('tsv', () => {
  const tsv = createFormatter('tsv', { color: false });

  it('has the same columns, tab-separated, with tabs and line breaks in a field turned into spaces', () => {
    expect(tsv.header).toBe(header.replaceAll(',', '\t'));
    const record = okRecord({ contentType: 'a\tb', error: { code: 'RESET', message: 'one\ntwo\r\nthree' } });
    const fields = tsv.format(record).slice(0, -1).split('\t');
    expect(fields).toHaveLength(20);
    expect(fields[7]).toBe('a b');
    expect(fields.slice(-2)).toEqual(['RESET', 'one two  three']);
    expect(tsv.format(failed).split('\t')[0]).toBe('ftp://x,"y"');
  });
});

describe('table', () => {
  it('aligns columns of fixed width with human sizes, the URL last and the error after it', () => {
    const table = createFormatter('table', { color: false });
    const lines = [
      table.header,
      table.format(okRecord()),
      table.format(failed),
      table.format(okRecord({ index: 5, truncated: true, bytes: 3 * 1024 ** 2 })),
    ];
    expect(lines).toEqual([
      '  INDEX  STATUS        SIZE        WIRE       TIME  URL\n',
      '      3  200        1.5 KiB       512 B     3.1 ms  http://127.0.0.1:8080/a\n',
      '      4  -                -           -     0.0 ms  ftp://x,"y"  UNSUPPORTED_PROTOCOL: unsupported protocol ftp\n',
      '      5  200        3.0 MiB       512 B     3.1 ms  http://127.0.0.1:8080/a  (truncated)\n',
    ]);
    const urlColumn = lines.map((line) => line.indexOf(line.includes('URL') ? 'URL' : 'http'));
    expect(new Set(urlColumn.filter((_column, index) => index !== 2)).size).toBe(1);
  });

  it('colours the status only when asked to', () => {
    const plain = createFormatter('table', { color: false });
    const colored = createFormatter('table', { color: true });
    expect(plain.format(okRecord())).not.toContain('\u001b[');
    expect(colored.format(okRecord())).toContain('\u001b[32m200   \u001b[39m');
    expect(colored.format(okRecord({ status: 404 }))).toContain('\u001b[33m404');
    expect(colored.format(failed)).toContain('\u001b[31mUNSUPPORTED_PROTOCOL:\u001b[39m');
    // Without the escape codes, the coloured row is the plain one.
    expect(stripVTControlCharacters(colored.format(okRecord()))).toBe(plain.format(okRecord()));
  });
});

describe('jsonl', () => {
  it('has no header and writes each record as one JSON line', () => {
    const jsonl = createFormatter('jsonl', { color: false });
    expect(jsonl.header).toBe('');
    expect(JSON.parse(jsonl.format(okRecord()))).toEqual(okRecord());
  });
});
