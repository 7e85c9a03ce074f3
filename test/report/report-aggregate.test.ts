import { describe, expect, it } from 'vitest';
import { createRecord, failedRecord } from '../../src/record.js';
import { ReportAggregate } from '../../src/report/report-aggregate.js';
import { sizedRecord, pageWeightOf } from '../helpers/report-records.js';

describe('ReportAggregate', () => {
  it('counts a list run: totals, statuses, failures with examples, types by Content-Type', () => {
    const report = new ReportAggregate();
    report.add(sizedRecord(0, 'https://a.example/', { headerBytes: 200, encodedBytes: 1000, bytes: 3000 }));
    report.add(sizedRecord(1, 'https://a.example/app.js', { headerBytes: 100, encodedBytes: 500 }, { contentType: 'text/javascript' }));
    report.add(
      sizedRecord(2, 'https://a.example/missing', { headerBytes: 150, encodedBytes: 50 }, { status: 404, contentType: 'text/plain' }),
    );
    for (let index = 3; index < 10; index++) report.add(failedRecord(`https://host-${index}.invalid/`, index, 'DNS', 'no such host', 1));
    expect([report.urls, report.ok, report.failed]).toEqual([10, 3, 7]);
    expect([report.bytes, report.encodedBytes, report.weightBytes]).toEqual([3550, 1550, 2000]);
    expect(Object.fromEntries(report.statuses)).toEqual({ '2xx': 2, '4xx': 1, none: 7 });
    expect(report.failures.get('DNS')).toEqual({ count: 7, examples: [3, 4, 5, 6, 7].map((index) => `https://host-${index}.invalid/`) });
    expect(report.types.document).toEqual({ requests: 1, transferBytes: 1200, bytes: 3000 });
    expect(report.types.script).toEqual({ requests: 1, transferBytes: 600, bytes: 500 });
    expect(report.types.other).toEqual({ requests: 1, transferBytes: 200, bytes: 50 });
    expect(report.spread.count).toBe(3);
    expect(report.heaviest.sorted().map(({ weight, item }) => [weight, item.url])).toEqual([
      [1200, 'https://a.example/'],
      [600, 'https://a.example/app.js'],
      [200, 'https://a.example/missing'],
    ]);
  });

  it('sums page objects and counts the pages over the budget', () => {
    const report = new ReportAggregate({ budget: 10_000 });
    const page = pageWeightOf(
      { document: 2000, image: 9000, script: 3000 },
      { thirdParty: { requests: 1, transferBytes: 3000 }, failed: 2, errors: { TIMEOUT: 2 } },
    );
    report.add(createRecord('https://a.example/', 0, { status: 200, headerBytes: 300, encodedBytes: 1700, page }));
    report.add(
      createRecord('https://a.example/light', 1, {
        status: 200,
        headerBytes: 300,
        encodedBytes: 700,
        page: pageWeightOf({ document: 1000 }),
      }),
    );
    expect(report.page).toEqual({
      pages: 2,
      requests: 4,
      transferBytes: 15_000,
      bytes: 30_000,
      thirdParty: { requests: 1, transferBytes: 3000 },
      deferred: 0,
      failed: 2,
    });
    expect(report.types.image).toEqual({ requests: 1, transferBytes: 9000, bytes: 18_000 });
    expect(report.types.document.transferBytes).toBe(3000);
    expect(Object.fromEntries(report.subresourceErrors)).toEqual({ TIMEOUT: 2 });
    expect(report.overBudget).toBe(1);
    expect(report.weightBytes).toBe(15_000);
    expect(report.heaviest.sorted()[0]?.item).toMatchObject({ weight: 14_000, bytes: 28_000, requests: 3 });
  });

  it('keeps a crawl’s prefixes and its broken links with their referrers, capped', () => {
    const report = new ReportAggregate();
    report.add(sizedRecord(0, 'https://a.example/docs/', { headerBytes: 100, encodedBytes: 900 }, { depth: 0, linkedFrom: null }));
    for (let index = 1; index <= 150; index++) {
      report.add(
        sizedRecord(
          index,
          `https://a.example/docs/gone-${index}`,
          { headerBytes: 100, encodedBytes: 10 },
          { status: 404, depth: 1, linkedFrom: 'https://a.example/docs/' },
        ),
      );
    }
    report.add(
      createRecord('https://a.example/docs/down', 151, {
        error: { code: 'RESET', message: 'reset' },
        attempts: 1,
        depth: 2,
        linkedFrom: 'https://a.example/docs/x',
      }),
    );
    expect([report.site.pages, report.site.maxDepth, report.site.brokenLinkCount, report.site.brokenLinks.length]).toEqual([
      152, 2, 151, 100,
    ]);
    expect(report.site.brokenLinks[0]).toEqual({
      url: 'https://a.example/docs/gone-1',
      status: 404,
      error: undefined,
      linkedFrom: 'https://a.example/docs/',
    });
    expect(report.site.prefixes.totals()).toEqual([
      { prefix: 'https://a.example/docs/', pages: 152, bytes: 1000 + 150 * 110, children: [] },
    ]);
  });

  it('bounds what it keeps of a hostile, very long URL', () => {
    const report = new ReportAggregate();
    const long = `https://a.example/${'x'.repeat(1_000_000)}`;
    report.add(sizedRecord(0, long, { headerBytes: 1, encodedBytes: 1 }));
    report.add(failedRecord(long, 1, 'TIMEOUT', 'slow', 1));
    expect(report.heaviest.sorted()[0]?.item.url.length).toBeLessThanOrEqual(2048);
    expect(report.failures.get('TIMEOUT')?.examples[0]?.length).toBeLessThanOrEqual(2048);
  });
});
