import { readdirSync, readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { urlList, useTempFolder } from '../helpers/files.js';
import { runCli, startCli } from '../helpers/run.js';
import { useServers, type Handler } from '../helpers/servers.js';
import { htmlPage, siteHandler } from '../helpers/site.js';
import { waitForOutput } from '../helpers/wait.js';

const serve = useServers();
const folder = useTempFolder('cli-report');

const site: Handler = (request, response) => {
  if (request.url === '/missing') response.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  else if (request.url === '/slow') setTimeout(() => response.end('late'), 30_000).unref();
  else response.writeHead(200, { 'content-type': 'text/html' }).end('x'.repeat(2048));
};

describe('--report', () => {
  it('writes the report of a list run, escaping the URLs from the input', async () => {
    const { origin } = await serve.http(site);
    const input = folder.write(
      'list.txt',
      urlList([`${origin}/big`, `${origin}/missing`, `${origin}/<script>alert(1)</script>`, 'ftp://example.invalid/x']),
    );
    const path = folder.path('list.html');
    const result = await runCli([input, '-o', folder.path('list.jsonl'), '--report', path]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^sitesize: report written to .*list\.html \(\d+\.\d KiB\)$/m);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<span data-figure="urls">4</span>');
    expect(html).toContain('<span data-figure="failed">1</span>');
    expect(html).toContain('UNSUPPORTED_PROTOCOL');
    expect(html).toContain('/&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.split('<script').length - 1).toBe(1);
    expect(readdirSync(folder.path('.')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a report in a folder that is not there before measuring anything', async () => {
    const { origin, requests } = await serve.http(site);
    const result = await runCli([`${origin}/big`, '--report', folder.path('missing/report.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sitesize: cannot write the report .*missing\/report\.html: .*ENOENT.*\n$/);
    expect(requests).toHaveLength(0);
  });

  it('is written after Ctrl-C with what was measured', async () => {
    const { origin } = await serve.http(site);
    const path = folder.path('interrupted.html');
    const run = startCli([`${origin}/big`, `${origin}/slow`, '--report', path]);
    await waitForOutput(run.child.stdout as Readable, '\n');
    run.child.kill('SIGINT');
    const result = await run.result;
    expect(result.code, result.stderr).toBe(130);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('The run was interrupted: this report shows the 1 URL measured before it stopped.');
    expect(html).toContain('<span data-figure="urls">1</span>');
  });
});

describe('--report with --budget', () => {
  it('marks the pages over the budget, and the run exits 3', async () => {
    const { origin } = await serve.http(site);
    const path = folder.path('budget.html');
    const over = await runCli([`${origin}/big`, `${origin}/missing`, 'ftp://example.invalid/', '--budget', '2k', '--report', path, '-q']);
    expect(over.code, over.stderr).toBe(3);
    expect(readFileSync(path, 'utf8')).toContain('<span data-figure="over-budget">1</span>');
    const under = await runCli([`${origin}/big`, '--budget', '1M', '-q']);
    expect(under.code, under.stderr).toBe(0);
  });
});

describe('--report of a crawl', () => {
  it('shows the weight by path and each broken link with the page that linked to it', async () => {
    const server = await serve.http(
      siteHandler({
        '/': htmlPage(['/docs/', '/blog/one.html']),
        '/docs/': htmlPage(['/docs/guide/a.html', '/docs/gone.html']),
        '/docs/guide/a.html': htmlPage([]),
        '/blog/one.html': htmlPage(['/blog/missing.html']),
      }),
    );
    const path = folder.path('crawl.html');
    const result = await runCli(['--crawl', `${server.origin}/`, '-o', folder.path('crawl.jsonl'), '--report', path]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<span data-figure="urls">6</span>');
    expect(html).toContain('<span data-figure="broken-links">2</span>');
    expect(html).toContain('<span class="prefix">/docs/</span>');
    expect(html).toContain('<span class="prefix">/docs/guide/</span>');
    const broken = html.slice(html.indexOf('id="broken"'));
    expect(broken).toContain(`${server.origin}/docs/gone.html</a></th><td class="num" data-sort="404">`);
    expect(broken).toContain(`>${server.origin}/blog/one.html</a>`);
  });
});
