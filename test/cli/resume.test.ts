import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SizeRecord } from '../../src/index.js';
import { range, urlList, useTempFolder } from '../helpers/files.js';
import { parseLines, runCli, startCli, type CliResult } from '../helpers/run.js';
import { useServers, type Handler, type TestServer } from '../helpers/servers.js';
import { waitFor } from '../helpers/wait.js';

const files = useTempFolder('resume');
const serve = useServers();

const page: Handler = (_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
};

// Answers /fast/ at once and holds /hang/ until `release()`, so a run can be cut off mid-way.
async function holdingServer(): Promise<{ server: TestServer; release: () => void }> {
  let held = true;
  const waiting: (() => void)[] = [];
  const server = await serve.http((request, response) => {
    const answer = (): void => {
      response.writeHead(200, { 'content-type': 'text/plain' }).end(`page ${request.url ?? ''}`);
    };
    if (!held || request.url?.startsWith('/fast/') === true) answer();
    else waiting.push(answer);
  });
  const release = (): void => {
    held = false;
    for (const answer of waiting.splice(0)) answer();
  };
  return { server, release };
}

const lineCount = (path: string): number => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0);

function expectEachUrlOnce(records: SizeRecord[], urls: readonly string[]): void {
  expect(records.map((record) => record.index).sort((a, b) => a - b)).toEqual(range(urls.length));
  for (const record of records) expect(record.url).toBe(urls[record.index]);
}

function expectUsageError(result: CliResult): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^sitesize: [^\n]+\n$/);
}

describe('-o FILE', () => {
  it('writes the records to the file and nothing to stdout', async () => {
    const server = await serve.http(page);
    const output = files.path('plain.jsonl');
    const result = await runCli([`${server.origin}/a`, `${server.origin}/b`, '-o', output]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^sitesize: 2 URLs /);
    expect(parseLines(readFileSync(output, 'utf8'))).toHaveLength(2);
  });

  it('replaces what the file held without --resume', async () => {
    const server = await serve.http(page);
    const output = files.write('replaced.jsonl', 'old content\n');
    const result = await runCli([`${server.origin}/a`, '-o', output, '-f', 'csv']);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(output, 'utf8')).toMatch(/^url,index,[^\n]+\nhttp:[^\n]+\n$/);
  });

  it('a file that cannot be written is a usage error', async () => {
    const server = await serve.http(page);
    expectUsageError(await runCli([`${server.origin}/a`, '-o', files.path('no/such/folder/out.jsonl')]));
    expect(server.requests).toHaveLength(0);
  });
});

describe('--resume', () => {
  it('after SIGKILL mid-run: measures only what is missing, keeps the earlier records byte for byte', async () => {
    const { server, release } = await holdingServer();
    const urls = range(30).map((index) => `${server.origin}/${index % 3 === 0 ? 'hang' : 'fast'}/${index}`);
    const input = files.write('killed.txt', urlList(urls));
    const output = files.path('killed.jsonl');

    const first = startCli([input, '-o', output, '-c', '4'], { timeoutMs: 15_000 });
    await waitFor(() => lineCount(output) >= 3 && server.inFlight.current >= 4, 'some records and four held requests');
    first.child.kill('SIGKILL');
    expect((await first.result).signal).toBe('SIGKILL');
    // Whole records only: a line torn by the kill is the resumed run's to drop.
    const killed = readFileSync(output);
    const before = killed.subarray(0, killed.lastIndexOf('\n') + 1);
    const kept = parseLines(before.toString('utf8'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(urls.length);

    release();
    const requestsBefore = server.requests.length;
    const resumed = await runCli([input, '-o', output, '--resume', '-c', '4']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toBe('');
    expect(resumed.stderr).toContain(`${kept.length} records kept`);
    expect(resumed.stderr).toContain(`sitesize: ${urls.length - kept.length} URLs `);
    const after = readFileSync(output);
    expect(after.subarray(0, before.length).equals(before), 'earlier records intact').toBe(true);
    expectEachUrlOnce(parseLines(after.toString('utf8')), urls);
    expect(server.requests.length - requestsBefore, 'requests of the resumed run').toBe(urls.length - kept.length);
  });

  it('after SIGINT with -o: the file holds only whole records, and resuming completes the run', async () => {
    const { server, release } = await holdingServer();
    const urls = range(12).map((index) => `${server.origin}/${index < 3 ? 'fast' : 'hang'}/${index}`);
    const input = files.write('interrupted.txt', urlList(urls));
    const output = files.path('interrupted.jsonl');

    const first = startCli([input, '-o', output, '-c', '4'], { timeoutMs: 15_000 });
    await waitFor(() => lineCount(output) >= 3 && server.inFlight.current >= 4, 'three records and four held requests');
    first.child.kill('SIGINT');
    expect((await first.result).code).toBe(130);
    const before = readFileSync(output, 'utf8');
    expect(
      parseLines(before)
        .map((record) => record.index)
        .sort((a, b) => a - b),
    ).toEqual([0, 1, 2]);

    release();
    const resumed = await runCli([input, '-o', output, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expectEachUrlOnce(parseLines(readFileSync(output, 'utf8')), urls);
  });

  it('drops a torn last line before appending', async () => {
    const server = await serve.http(page);
    const urls = range(5).map((index) => `${server.origin}/p/${index}`);
    const input = files.write('torn.txt', urlList(urls));
    const output = files.path('torn.jsonl');
    expect((await runCli([input, '-o', output, '-q'])).code).toBe(0);
    const whole = readFileSync(output, 'utf8').split('\n').slice(0, 3).join('\n') + '\n';
    writeFileSync(output, `${whole}{"url":"${server.origin}/p/`);

    const resumed = await runCli([input, '-o', output, '--resume', '-q']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = readFileSync(output, 'utf8');
    expect(after.startsWith(whole)).toBe(true);
    expectEachUrlOnce(parseLines(after), urls);
  });

  it('measures again a URL with an ABORTED record, or whose line at that index has changed', async () => {
    const server = await serve.http(page);
    const urls = [`${server.origin}/a`, `${server.origin}/b`, `${server.origin}/c`];
    const input = files.write('redo.txt', urlList(urls));
    const output = files.path('redo.jsonl');
    expect((await runCli([input, '-o', output, '-q'])).code).toBe(0);
    const records = parseLines(readFileSync(output, 'utf8')).sort((a, b) => a.index - b.index);
    const [a, b] = records;
    if (!a || !b) throw new Error('no records');
    const aborted = { ...b, error: { code: 'ABORTED', message: 'the run was interrupted' } };
    writeFileSync(output, `${JSON.stringify(a)}\n${JSON.stringify(aborted)}\n`);
    writeFileSync(input, urlList([urls[0] ?? '', urls[1] ?? '', `${server.origin}/changed`]));
    server.requests.length = 0;

    const resumed = await runCli([input, '-o', output, '--resume', '-q']);
    expect(server.requests.map((request) => request.url).sort()).toEqual(['/b', '/changed']);
    // The file still holds the ABORTED record, which is an error.
    expect(resumed.code).toBe(1);
  });

  it('exits 1 when a kept record has an error, though every new one succeeded', async () => {
    const server = await serve.http(page);
    const input = files.write('kept-error.txt', urlList(['ftp://example.invalid/', `${server.origin}/ok`]));
    const output = files.path('kept-error.jsonl');
    await runCli([input, '-o', output, '-q']);
    const records = parseLines(readFileSync(output, 'utf8'));
    writeFileSync(output, `${JSON.stringify(records.find((record) => record.index === 0))}\n`);

    const resumed = await runCli([input, '-o', output, '--resume', '-q']);
    expect(resumed.code, resumed.stderr).toBe(1);
    expect(server.requests.map((request) => request.url)).toEqual(['/ok', '/ok']);
  });

  it('a missing file starts a fresh run', async () => {
    const server = await serve.http(page);
    const output = files.path('fresh.jsonl');
    const result = await runCli([`${server.origin}/a`, '-o', output, '--resume']);
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(readFileSync(output, 'utf8'))).toHaveLength(1);
  });

  it('a line that is not a record, before the last one, is a usage error and the file is left alone', async () => {
    const server = await serve.http(page);
    const content = 'not json\n{"also":"not a record"}\n';
    const output = files.write('garbage.jsonl', content);
    const result = await runCli([`${server.origin}/a`, '-o', output, '--resume']);
    expectUsageError(result);
    expect(result.stderr).toContain('line 1');
    expect(readFileSync(output, 'utf8')).toBe(content);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['without -o', ['--resume']],
    ['with -f csv', ['--resume', '-o', 'out.csv', '-f', 'csv']],
    ['with -f table', ['--resume', '-o', 'out.txt', '-f', 'table']],
  ])('%s is a usage error', async (_name, args) => {
    const server = await serve.http(page);
    expectUsageError(await runCli([`${server.origin}/a`, ...args.map((arg) => (arg.startsWith('out.') ? files.path(arg) : arg))]));
    expect(server.requests).toHaveLength(0);
  });
});

describe('appending to a file another run wrote', () => {
  it('starts appended records on a line of their own even after a torn line of garbage', async () => {
    const server = await serve.http(page);
    const output = files.path('append.jsonl');
    expect((await runCli([`${server.origin}/x`, '-o', output, '-q'])).code).toBe(0);
    appendFileSync(output, 'garbage without a newline');
    expect((await runCli([`${server.origin}/x`, `${server.origin}/y`, '-o', output, '--resume', '-q'])).code).toBe(0);
    expect(parseLines(readFileSync(output, 'utf8')).map((record) => record.url)).toEqual([`${server.origin}/x`, `${server.origin}/y`]);
  });
});
