import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../src/output/formatter.js';
import { resourceTypes } from '../../src/record.js';
import { okRecord, pageWeight } from '../helpers/records.js';

const spec =
  'url,index,finalUrl,status,bytes,encodedBytes,headerBytes,contentType,contentEncoding,httpVersion,redirects,attempts,truncated,dns,connect,tls,ttfb,total,errorCode,errorMessage';

const capitalized = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
const typeColumns = resourceTypes.flatMap((type) => ['Requests', 'TransferBytes', 'Bytes'].map((key) => `page${capitalized(type)}${key}`));
const pageColumns = [
  'pageRequests',
  'pageTransferBytes',
  'pageEncodedBytes',
  'pageBytes',
  ...typeColumns,
  'pageThirdPartyRequests',
  'pageThirdPartyTransferBytes',
  'pageDeferred',
  'pageFailed',
  'pageIncomplete',
  'pageCo2',
];

const page = pageWeight(
  { document: { requests: 1, transferBytes: 632, bytes: 1536 }, image: { requests: 2, transferBytes: 9000, bytes: 8800 } },
  { thirdParty: { requests: 1, transferBytes: 4000 }, failed: 1, errors: { TIMEOUT: 1 }, deferred: 3 },
);

describe('csv with pages and crawls', () => {
  it('appends the crawl columns, then the page columns, to the SPEC ones', () => {
    const csv = createFormatter('csv', { color: false, shape: { page: true, crawl: true } });
    expect(csv.header).toBe(`${[spec, 'depth', 'linkedFrom', ...pageColumns].join(',')}\n`);
  });

  it('flattens the page: totals, each type, third parties, counts; co2 empty unless present', () => {
    const csv = createFormatter('csv', { color: false, shape: { page: true, crawl: false } });
    const fields = csv.format(okRecord({ page })).slice(0, -1).split(',');
    const byName = Object.fromEntries(
      csv.header
        .slice(0, -1)
        .split(',')
        .map((name, at) => [name, fields[at]]),
    );
    expect(fields).toHaveLength(20 + pageColumns.length);
    expect(byName).toMatchObject({
      pageRequests: '3',
      pageTransferBytes: '9632',
      pageEncodedBytes: '9332',
      pageBytes: '10336',
      pageDocumentRequests: '1',
      pageDocumentTransferBytes: '632',
      pageImageTransferBytes: '9000',
      pageImageBytes: '8800',
      pageFontRequests: '0',
      pageThirdPartyRequests: '1',
      pageThirdPartyTransferBytes: '4000',
      pageDeferred: '3',
      pageFailed: '1',
      pageIncomplete: 'false',
      pageCo2: '',
    });
    expect(csv.format(okRecord({ page: { ...page, co2: 0.0014 } }))).toMatch(/,0\.0014\n$/);
  });

  it('leaves the page and crawl fields empty for a record without them', () => {
    const tsv = createFormatter('tsv', { color: false, shape: { page: true, crawl: true } });
    const fields = tsv.format(okRecord()).slice(0, -1).split('\t');
    expect(fields.slice(20)).toEqual(Array.from({ length: 2 + pageColumns.length }, () => ''));
    expect(
      tsv
        .format(okRecord({ depth: 2, linkedFrom: 'http://127.0.0.1:8080/' }))
        .split('\t')
        .slice(20, 22),
    ).toEqual(['2', 'http://127.0.0.1:8080/']);
  });
});

describe('table with pages', () => {
  it("shows the page's transfer bytes and requests, and its three heaviest types after the URL", () => {
    const table = createFormatter('table', { color: false, shape: { page: true, crawl: false } });
    const heavy = pageWeight({
      document: { requests: 1, transferBytes: 632, bytes: 1536 },
      script: { requests: 4, transferBytes: 300_000, bytes: 900_000 },
      image: { requests: 9, transferBytes: 1_300_000, bytes: 1_300_000 },
      font: { requests: 1, transferBytes: 20_000, bytes: 20_000 },
    });
    expect([table.header, table.format(okRecord({ page: heavy })), table.format(okRecord({ index: 4 }))]).toEqual([
      '  INDEX  STATUS        SIZE        WIRE        PAGE   REQS       TIME  URL\n',
      '      3  200        1.5 KiB       512 B     1.5 MiB     15     3.1 ms  http://127.0.0.1:8080/a  [image 1.2 MiB, script 293.0 KiB, font 19.5 KiB]\n',
      '      4  200        1.5 KiB       512 B           -      -     3.1 ms  http://127.0.0.1:8080/a\n',
    ]);
  });
});
