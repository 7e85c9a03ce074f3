import { performance } from 'node:perf_hooks';
import { createRecord, failedRecord } from '../../src/record.js';
import { ReportAggregate } from '../../src/report/report-aggregate.js';
import { sizedRecord, pageWeightOf, sizedEntry } from './report-records.js';

/** A URL that tries every way out of a text node and an attribute. */
export const hostileUrl = 'https://evil.example/<script>document.title="pwned"</script>"><img src=x onerror=alert(1)>&amp;';

// A deterministic spread of weights over three orders of magnitude, bunched
// around the middle as real pages are (the mean of three spread-out sequences).
const spreadOf = (index: number, prime: number): number => ((index * prime) % 1000) / 1000;
const weightOf = (index: number): number =>
  Math.round(2000 * 10 ** (spreadOf(index, 7919) + spreadOf(index, 104_729) + spreadOf(index, 15_485_863)));

/**
 * The aggregate of a `--page` run of `pages` pages, with the request entries
 * of each; `timing.addMs` adds up the time spent in the aggregate alone.
 */
export function pageRun(pages: number, { budget, timing }: { budget?: number; timing?: { addMs: number } } = {}): ReportAggregate {
  const report = new ReportAggregate(budget === undefined ? {} : { budget });
  for (let index = 0; index < pages; index++) {
    const weight = weightOf(index);
    const page = pageWeightOf(
      {
        document: 500 + Math.round(weight * 0.1),
        stylesheet: Math.round(weight * 0.1),
        script: Math.round(weight * 0.3),
        image: Math.round(weight * 0.4),
        font: Math.round(weight * 0.1),
      },
      { thirdParty: { requests: 1, transferBytes: Math.round(weight * 0.3) } },
    );
    const url = `https://shop.example/products/item-${index}`;
    const documentBytes = page.types.document.transferBytes - 400;
    const record = createRecord(url, index, { status: 200, headerBytes: 400, encodedBytes: documentBytes, bytes: 3 * weight, page });
    const entries = [
      sizedEntry(index, url, 'document', 400, documentBytes),
      sizedEntry(index, 'https://cdn.example/app.js', 'script', 300, 520_000),
      sizedEntry(index, `https://shop.example/img/item-${index}.jpg`, 'image', 300, page.types.image.transferBytes),
      ...(index % 3 === 0 ? [sizedEntry(index, 'https://shop.example/fonts/brand.woff2', 'font', 250, 45_000)] : []),
    ];
    const started = performance.now();
    report.add(record);
    for (const entry of entries) report.resources.add(entry);
    if (timing !== undefined) timing.addMs += performance.now() - started;
  }
  return report;
}

/** The aggregate of a crawl: pages under a few folders, some broken links, one hostile URL. */
export function crawlRun(): ReportAggregate {
  const report = new ReportAggregate();
  const folders = ['docs/guide', 'docs/api', 'blog/2025', 'blog/2026', 'about'];
  let index = 0;
  report.add(sizedRecord(index++, 'https://site.example/', { headerBytes: 300, encodedBytes: 9000 }, { depth: 0, linkedFrom: null }));
  for (const folder of folders) {
    for (let page = 0; page < 12; page++) {
      const url = `https://site.example/${folder}/page-${page}.html`;
      report.add(
        sizedRecord(
          index++,
          url,
          { headerBytes: 300, encodedBytes: 4000 + 1500 * page + folder.length * 900 },
          { depth: 1 + (page % 3), linkedFrom: 'https://site.example/' },
        ),
      );
    }
  }
  report.add(
    sizedRecord(
      index++,
      'https://site.example/docs/old.html',
      { headerBytes: 200, encodedBytes: 300 },
      { status: 404, depth: 2, linkedFrom: 'https://site.example/docs/guide/page-3.html' },
    ),
  );
  report.add(
    sizedRecord(
      index++,
      'https://site.example/blog/broken',
      { headerBytes: 200, encodedBytes: 100 },
      { status: 500, depth: 3, linkedFrom: hostileUrl },
    ),
  );
  report.add(
    createRecord('https://site.example/slow', index, {
      attempts: 1,
      error: { code: 'TIMEOUT', message: 'too slow' },
      depth: 2,
      linkedFrom: 'https://site.example/about/page-1.html',
    }),
  );
  return report;
}

/** The aggregate of a list run with failures of several kinds and hostile URLs. */
export function failuresRun(): ReportAggregate {
  const report = new ReportAggregate({ budget: 4096 });
  report.add(sizedRecord(0, hostileUrl, { headerBytes: 300, encodedBytes: 5000 }));
  report.add(sizedRecord(1, 'https://a.example/fine', { headerBytes: 300, encodedBytes: 1000 }));
  report.add(failedRecord('javascript:alert(document.domain)', 2, 'UNSUPPORTED_PROTOCOL', 'unsupported protocol javascript'));
  report.add(failedRecord('not a url <b>bold</b>', 3, 'INVALID_URL', 'invalid URL'));
  for (let index = 4; index < 12; index++)
    report.add(failedRecord(`https://down-${index}.example/`, index, 'CONNECT_REFUSED', 'refused', 1));
  report.add(failedRecord(`${hostileUrl}/dns`, 12, 'DNS', 'getaddrinfo ENOTFOUND', 1));
  return report;
}
