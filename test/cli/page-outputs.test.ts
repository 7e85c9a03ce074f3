import { describe, expect, it } from 'vitest';
import { createRecord } from '../../src/record.js';
import { range, urlList, useTempFolder } from '../helpers/files.js';
import { parseHar } from '../helpers/har-checks.js';
import { parseLines, runCli, startCli } from '../helpers/run.js';
import { useServers, type Handler } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const temp = useTempFolder('page-outputs');
const serve = useServers();

const body = 'x'.repeat(2048);
const page: Handler = (request, response) => {
  if (request.url === '/missing') response.writeHead(404, { 'content-type': 'text/plain' }).end('nope');
  else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
};

async function listFile(name: string): Promise<{ path: string; origin: string }> {
  const server = await serve.http(page);
  const path = temp.write(name, urlList([`${server.origin}/a?x=1`, `${server.origin}/missing`, 'ftp://example.invalid/x']));
  return { path, origin: server.origin };
}

describe('-f har (list mode)', () => {
  it('writes one valid HAR document, an entry per fetched URL with the sizes of its record', async () => {
    const { path, origin } = await listFile('har.txt');
    const [har, jsonl] = await Promise.all([runCli([path, '-f', 'har', '-q']), runCli([path, '-q', '--ordered'])]);
    expect(har.code, har.stderr).toBe(1);
    const { entries, pages } = parseHar(har.stdout);
    expect(pages).toEqual([]);
    const records = parseLines(jsonl.stdout);
    const byUrl = new Map(entries.map((entry) => [(entry.request as { url: string }).url, entry]));
    expect([...byUrl.keys()].sort()).toEqual([`${origin}/a?x=1`, `${origin}/missing`]);
    for (const record of records.slice(0, 2)) {
      expect(byUrl.get(record.url)?.response).toMatchObject({
        status: record.status,
        headersSize: record.headerBytes,
        bodySize: record.encodedBytes,
        content: { size: record.bytes, mimeType: record.contentType },
      });
    }
    expect(byUrl.get(`${origin}/a?x=1`)?.response).toMatchObject({ status: 200, bodySize: 2048, content: { size: 2048 } });
    expect(byUrl.get(`${origin}/missing`)?.response).toMatchObject({ status: 404, statusText: 'Not Found', bodySize: 4 });
  });

  it('writes the same document to a file with -o', async () => {
    const { path } = await listFile('har-o.txt');
    const output = temp.path('out.har');
    const result = await runCli([path, '-f', 'har', '-o', output, '-q']);
    expect(result.stdout).toBe('');
    const { readFile } = await import('node:fs/promises');
    expect(parseHar(await readFile(output, 'utf8')).entries).toHaveLength(2);
  });

  it('leaves a valid HAR document when interrupted', async () => {
    const server = await serve.http((request, response) => {
      if (request.url?.startsWith('/fast/') === true) response.end('fast');
    });
    const urls = range(8).map((index) => `${server.origin}/${index < 2 ? 'fast' : 'hang'}/${index}`);
    const run = startCli([temp.write('hang.txt', urlList(urls)), '-f', 'har', '-c', '4'], { timeoutMs: 15_000 });
    let seen = '';
    run.child.stdout?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    await waitFor(() => seen.includes('/fast/0"') && seen.includes('/fast/1"'), 'the entries of the fast URLs');
    await waitFor(() => server.inFlight.current >= 2, 'hanging requests');
    run.child.kill('SIGINT');
    const result = await run.result;
    expect(result.code, result.stderr).toBe(130);
    const { entries } = parseHar(result.stdout);
    expect(entries.map((entry) => (entry.request as { url: string }).url).sort()).toEqual(urls.slice(0, 2));
  });
});

describe('--budget', () => {
  it('exits 3 when a URL is over it (headers + encoded body), and says how many were', async () => {
    const server = await serve.http(page);
    const path = temp.write('budget.txt', urlList([`${server.origin}/a`, `${server.origin}/missing`]));
    const over = await runCli([path, '--budget', '2k']);
    expect(over.code, over.stderr).toBe(3);
    expect(over.stderr).toContain('sitesize: 1 of 2 URLs over the budget of 2.0 KiB\n');
    const within = await runCli([path, '--budget', '10k']);
    expect(within.code, within.stderr).toBe(0);
    expect(within.stderr).toContain('sitesize: 0 of 2 URLs over the budget of 10.0 KiB\n');
  });

  it('takes precedence over exit 1', async () => {
    const { path } = await listFile('budget-failed.txt');
    const result = await runCli([path, '--budget', '1k', '-q']);
    expect(result.code, result.stderr).toBe(3);
    expect(parseLines(result.stdout).some((record) => record.error !== null)).toBe(true);
  });

  it('with --resume, counts the records already in the file too', async () => {
    const server = await serve.http(page);
    const url = `${server.origin}/a`;
    const output = temp.write(
      'resumed.jsonl',
      `${JSON.stringify(createRecord(url, 0, { status: 200, headerBytes: 200, encodedBytes: 5000, attempts: 1 }))}\n`,
    );
    const result = await runCli([url, '-o', output, '--resume', '--budget', '4k', '-q']);
    expect(result.code, result.stderr).toBe(3);
    expect(server.requests).toHaveLength(0);
  });

  it('is a usage error when it is not a size', async () => {
    const result = await runCli(['http://127.0.0.1:9/', '--budget', 'lots']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^[^\n]*--budget[^\n]*lots[^\n]*\n$/);
  });
});

describe('--co2', () => {
  it('adds nothing to records without a page, and says so', async () => {
    const server = await serve.http(page);
    const withCo2 = await runCli([`${server.origin}/a`, '--co2']);
    expect(withCo2.code, withCo2.stderr).toBe(0);
    const [record] = parseLines(withCo2.stdout);
    expect(record).not.toHaveProperty('page');
    expect(withCo2.stderr).toMatch(/^sitesize: --co2 adds page\.co2, which only records of --page have\n/);
    const quiet = await runCli([`${server.origin}/a`, '--co2', '-q']);
    expect(quiet.stderr).toBe('');
    const without = await runCli([`${server.origin}/a`]);
    expect(without.stderr).not.toContain('co2');
  });
});

describe('--help', () => {
  it('names the har format, --budget and --co2', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout).toContain('"har"');
    expect(result.stdout).toContain('--budget <size>');
    expect(result.stdout).toContain('--co2');
  });
});
