import { describe, expect, it } from 'vitest';
import { resourceTypes } from '../../src/record.js';
import { formatPageTotals } from '../../src/report/page-summary.js';
import { PageTotals } from '../../src/report/page-totals.js';
import { okRecord, pageWeight } from '../helpers/records.js';

const first = pageWeight(
  {
    document: { requests: 1, transferBytes: 1000, bytes: 3000 },
    image: { requests: 3, transferBytes: 50_000, bytes: 50_000 },
  },
  { thirdParty: { requests: 1, transferBytes: 20_000 }, deferred: 2, failed: 1, errors: { TIMEOUT: 1 }, co2: 0.0076 },
);
const second = pageWeight(
  {
    document: { requests: 2, transferBytes: 2000, bytes: 5000 },
    script: { requests: 1, transferBytes: 10_000, bytes: 30_000 },
  },
  { failed: 3, errors: { TIMEOUT: 1, RESET: 2 }, incomplete: true, co2: 0.0018 },
);

describe('PageTotals', () => {
  it("sums the records' page objects, types and error codes included", () => {
    const totals = new PageTotals();
    totals.add(okRecord({ page: first }));
    totals.add(okRecord({ page: second }));
    totals.add(okRecord());
    const json = totals.toJSON();
    expect(json).toMatchObject({
      pages: 2,
      requests: 7,
      transferBytes: 63_000,
      encodedBytes: 63_000 - 700,
      bytes: 88_000,
      thirdParty: { requests: 1, transferBytes: 20_000 },
      deferred: 2,
      failed: 4,
      errors: { TIMEOUT: 2, RESET: 2 },
      incomplete: 1,
      co2: 0.0094,
    });
    expect(Object.keys(json.types)).toEqual([...resourceTypes]);
    expect(json.types.document).toEqual({ requests: 3, transferBytes: 3000, bytes: 8000 });
    expect(json.types.font).toEqual({ requests: 0, transferBytes: 0, bytes: 0 });
    // toJSON() hands out copies: what a caller does with them changes no sum.
    json.types.document.requests = 99;
    expect(totals.toJSON().types.document.requests).toBe(3);
  });

  it('has no co2 key when no page had one', () => {
    const totals = new PageTotals();
    totals.add(okRecord({ page: pageWeight({}) }));
    expect(totals.toJSON()).not.toHaveProperty('co2');
  });
});

describe('formatPageTotals', () => {
  it('gives the weight, the third-party share, failures by code and the types, heaviest first', () => {
    const totals = new PageTotals();
    totals.add(okRecord({ page: first }));
    totals.add(okRecord({ page: second }));
    expect(formatPageTotals(totals.toJSON())).toEqual([
      '2 pages: 7 requests, 61.5 KiB transferred, 85.9 KiB decoded; third parties 1 request, 19.5 KiB (31.7% of transferred); ' +
        '4 subresources failed (2 TIMEOUT, 2 RESET); 2 deferred; 1 page incomplete (--max-resources); 0.0094 g CO2e',
      'by type (requests, transferred): image 3, 48.8 KiB; script 1, 9.8 KiB; document 3, 2.9 KiB',
    ]);
  });
});
