import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/render-report.js';
import type { ReportAggregate } from '../../src/report/report-aggregate.js';
import { chromiumPath, hasChromium, openChromium, openReport, type Browser } from '../helpers/browser.js';
import { urlList, useTempFolder } from '../helpers/files.js';
import { crawlRun, failuresRun, pageRun } from '../helpers/report-runs.js';
import { runCli } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';

if (!hasChromium) console.log(`skipped the report's browser checks: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);

const folder = useTempFolder('browser');
// SITESIZE_SCREENSHOTS keeps the screenshots somewhere to look at them.
const shots = process.env.SITESIZE_SCREENSHOTS ?? folder.path('shots');
mkdirSync(shots, { recursive: true });
const serve = useServers();
const facts = { elapsedSeconds: 42.4, interrupted: false, generatedAt: new Date('2026-12-01T10:20:00Z') };

function writeReport(name: string, report: ReportAggregate): string {
  const path = folder.path(`${name}.html`);
  writeFileSync(path, renderReport(report, facts));
  return pathToFileURL(path).href;
}

// A browser on a busy two-core machine is slow to start and to draw: the bounds are generous.
describe.skipIf(!hasChromium)('the report in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await openChromium();
  }, 60_000);
  afterAll(async () => {
    await browser.close();
  });

  async function load(name: string, url: string) {
    const { page, trouble } = await openReport(browser.context, url);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(shots, `${name}-dark.png`), fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    return { page, trouble };
  }

  it('loads a list run’s report from the CLI: figures in the DOM, no request, no console error', async () => {
    const { origin } = await serve.http((request, response) => {
      const size = Number(request.url?.slice(1)) || 404;
      response.writeHead(size === 404 ? 404 : 200, { 'content-type': 'text/html' }).end('x'.repeat(size));
    });
    const sizes = [1000, 2000, 3000, 8000, 16_000, 40_000, 120_000, 'missing'];
    const input = folder.write('list.txt', urlList(sizes.map((size) => `${origin}/${size}`)));
    const path = folder.path('list.html');
    const result = await runCli([input, '-q', '-o', folder.path('list.jsonl'), '--report', path]);
    expect(result.code, result.stderr).toBe(0);
    const { page, trouble } = await load('list', pathToFileURL(path).href);
    expect(trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await page.textContent('[data-figure="urls"]')).toBe('8');
    expect(await page.textContent('[data-figure="ok"]')).toBe('8');
    expect(await page.locator('svg[role="img"] title').first().textContent()).toBe('Pages by weight (log scale)');
    await page.close();
  });

  it('loads the reports of a real --page run and a real --crawl from the CLI', async () => {
    // Three pages on one origin, each with a stylesheet (with a font and a background) and images.
    const { origin } = await serve.http((request, response) => {
      const path = request.url ?? '/';
      if (path.endsWith('.css')) {
        response
          .writeHead(200, { 'content-type': 'text/css' })
          .end('@font-face{font-family:B;src:url(/b.woff2)} body{font-family:B;background:url(/bg.png)}');
      } else if (path.endsWith('.png') || path.endsWith('.woff2')) {
        response.writeHead(200, { 'content-type': path.endsWith('.png') ? 'image/png' : 'font/woff2' }).end('x'.repeat(3000));
      } else {
        const links = ['/p1.html', '/p2.html'].map((href) => `<a href="${href}">next</a>`).join('');
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<link rel=stylesheet href=/s.css><p>text</p><img src="/i${path.length}.png" alt="">${links}`);
      }
    });
    const input = folder.write('pages.txt', urlList(['/p0.html', '/p1.html', '/p2.html'].map((path) => `${origin}${path}`)));
    const pagePath = folder.path('real-pages.html');
    const pages = await runCli([input, '--page', '-q', '-o', folder.path('real-pages.jsonl'), '--report', pagePath]);
    expect(pages.code, pages.stderr).toBe(0);
    const pageReport = await load('real-pages', pathToFileURL(pagePath).href);
    expect(pageReport.trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await pageReport.page.textContent('[data-figure="urls"]')).toBe('3');
    expect(await pageReport.page.locator('text=Heaviest resources').count()).toBeGreaterThan(0);
    await pageReport.page.close();
    const crawlPath = folder.path('real-crawl.html');
    const crawl = await runCli([
      '--crawl',
      `${origin}/p0.html`,
      '--page',
      '-q',
      '-o',
      folder.path('real-crawl.jsonl'),
      '--report',
      crawlPath,
    ]);
    expect(crawl.code, crawl.stderr).toBe(0);
    const crawlReport = await load('real-crawl', pathToFileURL(crawlPath).href);
    expect(crawlReport.trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await crawlReport.page.textContent('[data-figure="urls"]')).toBe('3');
    await crawlReport.page.close();
  });

  it('loads a page run’s report and sorts its tables', async () => {
    const { page, trouble } = await load('page', writeReport('page', pageRun(400, { budget: 400 * 1024 })));
    expect(trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await page.textContent('[data-figure="urls"]')).toBe('400');
    expect(await page.textContent('[data-figure="third-party"]')).toMatch(/^\d+\.\d%$/);
    const app = page.locator('#resources tbody tr', { hasText: 'https://cdn.example/app.js' });
    expect(await app.locator('td').last().textContent()).toBe('400');
    const weights = async (): Promise<number[]> => {
      const cells = await page.locator('#heaviest tbody tr td:nth-child(4)').all();
      return Promise.all(cells.map(async (cell) => Number(await cell.getAttribute('data-sort'))));
    };
    const before = await weights();
    expect(before).toEqual([...before].sort((a, b) => b - a));
    const weightHeader = page.locator('#heaviest thead button', { hasText: 'Weight' });
    await weightHeader.click();
    await weightHeader.click();
    const after = await weights();
    expect(after).toEqual([...before].sort((a, b) => a - b));
    await page.close();
  });

  it('loads a crawl’s report with its paths and broken links', async () => {
    const { page, trouble } = await load('crawl', writeReport('crawl', crawlRun()));
    expect(trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await page.textContent('[data-figure="broken-links"]')).toBe('3');
    expect(await page.locator('#site tbody tr').count()).toBeGreaterThan(5);
    expect(await page.locator('#broken tbody tr').count()).toBe(3);
    await page.close();
  });

  it('shows hostile URLs as text: no script of theirs runs, no element of theirs exists', async () => {
    const { page, trouble } = await load('failures', writeReport('failures', failuresRun()));
    expect(trouble).toEqual({ errors: [], requests: [], dialogs: [] });
    expect(await page.title()).not.toContain('pwned');
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('body').textContent()).toContain('<script>document.title="pwned"</script>');
    expect(await page.textContent('[data-figure="failed"]')).toBe('11');
    expect(await page.locator('tr.over').count()).toBe(1);
    await page.close();
  });

  it('prints on A4', async () => {
    const { page } = await openReport(browser.context, writeReport('print', pageRun(100)));
    const pdf = await page.pdf({ format: 'A4', path: join(shots, 'page.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  });
});

describe.skipIf(!hasChromium)('the report in Chromium without JavaScript', () => {
  it('still shows its figures and charts', async () => {
    const browser = await openChromium({ javaScriptEnabled: false });
    try {
      const { page, trouble } = await openReport(browser.context, writeReport('no-js', pageRun(50)));
      expect(trouble).toEqual({ errors: [], requests: [], dialogs: [] });
      expect(await page.textContent('[data-figure="urls"]')).toBe('50');
      expect(await page.locator('svg.chart rect.bar').count()).toBeGreaterThan(3);
      expect(await page.locator('th button').count()).toBe(0);
      await page.screenshot({ path: join(shots, 'no-js.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 60_000);
});
