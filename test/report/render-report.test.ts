import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render-report.js';
import { ReportAggregate } from '../../src/report/report-aggregate.js';
import { sizedRecord, sizedEntry } from '../helpers/report-records.js';
import { failedRecord, type ErrorCode } from '../../src/record.js';
import { crawlRun, failuresRun, pageRun } from '../helpers/report-runs.js';

const facts = { elapsedSeconds: 12.5, interrupted: false, generatedAt: new Date('2026-12-01T10:20:00Z') };

// The text between the first `open` and the `close` after it.
function between(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  const end = html.indexOf(close, start + open.length);
  if (start < 0 || end < 0) throw new Error(`no ${open}…${close}`);
  return html.slice(start + open.length, end);
}

const count = (html: string, text: string): number => html.split(text).length - 1;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('base64');

describe('renderReport', () => {
  it('allows by hash exactly the inline style and script, and loads nothing', () => {
    const html = renderReport(pageRun(20), facts);
    const policy = between(html, '<meta http-equiv="Content-Security-Policy" content="', '">');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src 'sha256-${sha256(between(html, '<style>', '</style>'))}'`);
    expect(policy).toContain(`script-src 'sha256-${sha256(between(html, '<script>', '</script>'))}'`);
    expect([
      count(html, '<style'),
      count(html, '<script'),
      count(html, ' src='),
      count(html, '<link'),
      count(html, 'url('),
      count(html, '@import'),
    ]).toEqual([1, 1, 0, 0, 0, 0]);
    expect(count(html, ' style=')).toBe(0);
  });

  it('shows a list run’s totals, spread, types and failures', () => {
    const html = renderReport(failuresRun(), facts);
    expect(html).toContain('<span data-figure="urls">13</span>');
    expect(html).toContain('<span data-figure="ok">2</span>');
    expect(html).toContain('<span data-figure="failed">11</span>');
    expect(html).toContain('<span data-figure="rate">1.0 URLs/s</span>');
    expect(html).toContain('8 CONNECT_REFUSED, 1 DNS, 1 INVALID_URL, 1 UNSUPPORTED_PROTOCOL');
    expect(html).toContain('<span data-figure="over-budget">1</span>');
    expect(html).toContain('<tr class="over">');
    expect(html).toContain('role="img"');
    expect(html).toContain('<th scope="col" class="num">Weight</th>');
    expect(html).not.toContain('id="resources"');
    expect(html).not.toContain('id="site"');
  });

  it('escapes every URL it shows and links only http(s) ones', () => {
    const html = renderReport(failuresRun(), facts);
    expect(html).not.toContain('<script>document');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bold');
    expect(html).toContain(
      '&lt;script&gt;document.title=&quot;pwned&quot;&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;',
    );
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<span class="url">javascript:alert(document.domain)</span>');
  });

  it('shows a page run’s resource types, third parties and heaviest resources with their pages', () => {
    const html = renderReport(pageRun(30), facts);
    expect(html).toContain('id="types"');
    expect(html).toContain('Third parties');
    expect(html).toContain('id="resources"');
    expect(between(html, 'https://cdn.example/app.js</a>', '</tr>')).toContain('<td class="num" data-sort="30">30</td>');
    expect(between(html, 'https://shop.example/fonts/brand.woff2</a>', '</tr>')).toContain('<td class="num" data-sort="10">10</td>');
    expect(html).toContain('<span data-figure="requests">150</span>');
  });

  it('shows a crawl’s weight by path and its broken links with referrers', () => {
    const html = renderReport(crawlRun(), facts);
    expect(html).toContain('<span class="prefix">/docs/</span>');
    expect(html).toContain('<tr class="child"><th scope="row"><span class="prefix">/docs/guide/</span>');
    expect(html).toContain('<span data-figure="broken-links">3</span>');
    expect(between(html, 'https://site.example/docs/old.html</a>', '</tr>')).toContain('https://site.example/docs/guide/page-3.html');
    expect(between(html, 'id="broken"', '</section>')).toContain('TIMEOUT');
  });

  it('says when the run was interrupted', () => {
    const html = renderReport(failuresRun(), { ...facts, interrupted: true });
    expect(html).toContain('The run was interrupted: this report shows the 13 URLs measured before it stopped.');
  });

  it('stays small however many records: 200 000 records make a report under 1 MB, about the size of 1 000', () => {
    const sizes = [1000, 200_000].map((records) => {
      const timing = { addMs: 0 };
      const report = pageRun(records, { budget: 1024 * 1024, timing });
      const started = performance.now();
      const html = renderReport(report, facts);
      const renderMs = performance.now() - started;
      const bytes = Buffer.byteLength(html);
      console.log(
        `report of ${records} records: ${timing.addMs.toFixed(0)} ms in the aggregate during the run, rendered in ${renderMs.toFixed(0)} ms, ${(bytes / 1024).toFixed(1)} KiB`,
      );
      return bytes;
    });
    const [small = 0, large = 0] = sizes;
    expect(large).toBeLessThan(1024 * 1024);
    expect(large / small).toBeLessThan(1.5);
  });

  it('stays under 1 MB when every URL it shows is as long as the aggregate keeps', () => {
    const report = new ReportAggregate({ budget: 1 });
    const long = (folder: number, sub: number, tag: string): string =>
      `https://a.example/${'d'.repeat(1500)}${folder}/${'e'.repeat(1500)}${sub}/${tag}${'x'.repeat(5000)}`;
    for (let index = 0; index < 5000; index++) {
      const url = long(index % 200, index % 30, `page-${index}`);
      const fields = { status: index % 2 === 0 ? 200 : 404, depth: 1, linkedFrom: long(0, 0, 'from') };
      report.add(sizedRecord(index, url, { headerBytes: 100, encodedBytes: index }, fields));
      report.resources.add(sizedEntry(index, long(1, 1, `resource-${index}`), 'image', 100, index));
    }
    const codes: ErrorCode[] = [
      'INVALID_URL',
      'UNSUPPORTED_PROTOCOL',
      'DNS',
      'CONNECT_REFUSED',
      'CONNECT_TIMEOUT',
      'TIMEOUT',
      'RESET',
      'TLS',
      'TOO_MANY_REDIRECTS',
      'PROTOCOL',
      'DECODE',
      'ABORTED',
    ];
    for (const code of codes) {
      for (let index = 0; index < 10; index++) report.add(failedRecord(long(index, index, code), 9000, code, 'failed', 1));
    }
    const bytes = Buffer.byteLength(renderReport(report, facts));
    console.log(`report with every URL at its longest: ${(bytes / 1024).toFixed(1)} KiB`);
    expect(bytes).toBeLessThan(1024 * 1024);
  });

  it('renders an empty run', () => {
    const html = renderReport(new ReportAggregate(), facts);
    expect(html).toContain('<span data-figure="urls">0</span>');
    expect(html).toContain('No page got a response to weigh.');
  });

  it('shows a short list without page objects', () => {
    const report = new ReportAggregate();
    report.add(sizedRecord(0, 'https://a.example/', { headerBytes: 100, encodedBytes: 924 }));
    const html = renderReport(report, facts);
    expect(html).toContain('<span data-figure="wire">1.0 KiB</span>');
    expect(html).toContain('Heaviest URLs');
    expect(html).toContain(`<title>sitesize report: 1 URL, 2026-12-01 10:20 UTC</title>`);
  });
});
