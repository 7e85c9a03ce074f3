import { createRecord, resourceTypes, type PageWeight, type SizeRecord, type Timings, type TypeTotals } from '../record.js';
import type { RecordShape } from './record-shape.js';

export type Field = string | number | boolean | null;

export type Column = [name: string, value: (record: SizeRecord) => Field];

const baseRecord = createRecord('', 0);

// The SPEC's columns: the record's keys in its order, with `timings` and
// `error` flattened into their parts.
const baseColumns = Object.keys(baseRecord).flatMap((key): Column[] => {
  if (key === 'timings') {
    return Object.keys(baseRecord.timings).map((name): Column => [name, (record) => record.timings[name as keyof Timings]]);
  }
  if (key === 'error') {
    return [
      ['errorCode', (record) => record.error?.code ?? null],
      ['errorMessage', (record) => record.error?.message ?? null],
    ];
  }
  return [[key, (record) => record[key as keyof SizeRecord] as Field]];
});

// The keys a crawl adds to a record, in the order createRecord() writes them.
const crawlColumns = Object.keys(createRecord('', 0, { depth: 0, linkedFrom: null }))
  .filter((key) => !(key in baseRecord))
  .map((key): Column => [key, (record) => (record[key as keyof SizeRecord] as Field | undefined) ?? null]);

// Every key of a page, in PageWeight's order. `Required` makes a key added to
// PageWeight a compile error here until it has its place among the columns.
const typeTotals: TypeTotals = { requests: 0, transferBytes: 0, bytes: 0 };
const pageKeys: Required<PageWeight> = {
  requests: 0,
  transferBytes: 0,
  encodedBytes: 0,
  bytes: 0,
  types: Object.fromEntries(resourceTypes.map((type) => [type, typeTotals])) as PageWeight['types'],
  thirdParty: { requests: 0, transferBytes: 0 },
  deferred: 0,
  failed: 0,
  // Its keys vary from page to page, so it has no columns: `failed` counts them.
  errors: {},
  incomplete: false,
  co2: 0,
};

const capitalized = (name: string): string => `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

// `page.types.image.transferBytes` is `pageImageTransferBytes`: a type's name stands for itself.
function pageColumnsOf(value: object, path: readonly string[]): Column[] {
  return Object.entries(value).flatMap(([key, child]: [string, unknown]) => {
    const childPath = [...path, key];
    if (typeof child === 'object' && child !== null) return pageColumnsOf(child, childPath);
    const name = `page${childPath
      .filter((part) => part !== 'types')
      .map(capitalized)
      .join('')}`;
    const read = (record: SizeRecord): Field => {
      let found: unknown = record.page;
      for (const part of childPath) found = (found as Record<string, unknown> | undefined)?.[part];
      return (found as Field | undefined) ?? null;
    };
    return [[name, read]];
  });
}

const pageColumns = pageColumnsOf(pageKeys, []);

/** The CSV/TSV columns of a run: the SPEC's, then the crawl's and the page's when the records have them. */
export function columnsFor(shape: RecordShape): Column[] {
  return [...baseColumns, ...(shape.crawl ? crawlColumns : []), ...(shape.page ? pageColumns : [])];
}
