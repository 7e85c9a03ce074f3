import { describe, expect, it } from 'vitest';
import { failedRecord } from '../../src/record.js';
import { Budget, weightOf } from '../../src/report/budget.js';
import { RunSummary } from '../../src/report/summary.js';
import { okRecord, pageWeight } from '../helpers/records.js';

const page = (transferBytes: number) => pageWeight({ image: { requests: 1, transferBytes, bytes: transferBytes } });

describe('weightOf', () => {
  it("is a page's transfer bytes, else a record's header and encoded bytes", () => {
    expect(weightOf(okRecord())).toBe(120 + 512);
    expect(weightOf(okRecord({ page: page(5000) }))).toBe(5000);
    expect(weightOf(failedRecord('http://127.0.0.1:9/', 0, 'CONNECT_REFUSED', 'refused', 1))).toBe(0);
  });
});

describe('Budget', () => {
  it('counts the records above the limit, not those at it', () => {
    const budget = new Budget(632);
    budget.add(okRecord());
    budget.add(okRecord({ encodedBytes: 513 }));
    budget.add(okRecord({ page: page(700) }));
    expect(budget.over).toBe(2);
    expect(budget.format(3, 'URL')).toBe('2 of 3 URLs over the budget of 632 B');
  });
});

describe('RunSummary with pages and a budget', () => {
  it("adds the pages' lines and the budget's after the run's", () => {
    const summary = new RunSummary({ budget: 1024 });
    summary.add(okRecord({ page: page(4096) }));
    summary.add(okRecord({ index: 4, page: page(512) }));
    const lines = summary.format();
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^2 pages: 2 requests, 4\.5 KiB transferred, /);
    expect(lines[3]).toBe('by type (requests, transferred): image 2, 4.5 KiB');
    expect(lines[4]).toBe('1 of 2 pages over the budget of 1.0 KiB');
    expect(summary.budget?.over).toBe(1);
  });

  it('has neither without pages or a budget', () => {
    const summary = new RunSummary();
    summary.add(okRecord());
    expect(summary.format()).toHaveLength(2);
  });
});
