import type { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SizeRecord } from '../../src/index.js';
import { range, urlList, useTempFolder } from '../helpers/files.js';
import { parseLines, runCli } from '../helpers/run.js';
import { closedPort, useServers, type Handler } from '../helpers/servers.js';
import { waitFor, waitForOutput } from '../helpers/wait.js';
import { hasScript, runInTerminal, screenOf, startInTerminal } from '../helpers/terminal.js';

const files = useTempFolder('progress');
const serve = useServers();

// A page after `?delay=ms`, so that a run lasts long enough for several frames.
const page: Handler = (request, response) => {
  const wait = Number(new URL(request.url ?? '/', 'http://localhost').searchParams.get('delay') ?? 0);
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('hello, world');
  }, wait);
};

const frame = /sitesize: \d+(\/\d+ \(\d+%\)| done), [\d.]+ URLs\/s, \d+ ok, \d+ failed, [\d.]+ (B|KiB)/;

async function slowList(name: string, count: number): Promise<string> {
  const server = await serve.http(page);
  return files.write(name, urlList(range(count).map((index) => `${server.origin}/p/${index}?delay=40`)));
}

function expectSummaryAtTheEnd(screen: string[], urls: number): void {
  expect(screen.at(-2)).toMatch(new RegExp(`^sitesize: ${urls} URLs in `));
  expect(screen.at(-1)).toMatch(/^sitesize: bytes p50 /);
}

describe.skipIf(!hasScript)('the progress line on a terminal', () => {
  it('is live while records stream to the same terminal, and leaves only whole records and the summary', async () => {
    const input = await slowList('jsonl.txt', 30);
    const result = await runInTerminal([input, '-c', '3']);
    expect(result.code, result.stdout).toBe(0);

    // While the run went on, a person saw the count rise towards the known total.
    const frames = result.stdout.match(new RegExp(frame.source, 'g')) ?? [];
    expect(frames.length).toBeGreaterThan(1);
    expect(result.stdout).toMatch(/sitesize: \d+\/30 \(\d+%\), [\d.]+ URLs\/s, \d+ ok, 0 failed, [\d.]+ (B|KiB), ETA \d+s/);

    // What stays on the screen: 30 whole JSON lines, then the summary; no trace of the line.
    const screen = screenOf(result.stdout);
    expect(screen).toHaveLength(32);
    const records = screen.slice(0, 30).map((line) => JSON.parse(line) as SizeRecord);
    expect(records.map((record) => record.index).sort((a, b) => a - b)).toEqual(range(30));
    expectSummaryAtTheEnd(screen, 30);
  });

  it('colours the table status unless NO_COLOR is set, and never colours with NO_COLOR', async () => {
    const input = await slowList('table.txt', 6);
    const colored = await runInTerminal([input, '-f', 'table', '--ordered']);
    expect(colored.code).toBe(0);
    expect(colored.stdout).toContain('\u001b[32m200');
    const screen = screenOf(colored.stdout);
    expect(screen[0]).toMatch(/^ +INDEX +STATUS +SIZE +WIRE +TIME +URL$/);
    for (const line of screen.slice(1, 7)) expect(line).toMatch(/^ +\d {2}200 +12 B +12 B +[\d.]+ ms {2}http:/);
    expectSummaryAtTheEnd(screen, 6);

    const plain = await runInTerminal([input, '-f', 'table', '--ordered'], { env: { NO_COLOR: '1' } });
    expect(plain.code).toBe(0);
    // Only the line's own control codes remain: carriage return and erase-line, no colour.
    expect(plain.stdout.replaceAll('\r\u001b[K', '')).not.toContain('\u001b[');
    expect(
      screenOf(plain.stdout)
        .slice(0, 7)
        .map((line) => line.replace(/ +[\d.]+ ms {2}/, ' ')),
    ).toEqual(screen.slice(0, 7).map((line) => line.replace(/ +[\d.]+ ms {2}/, ' ')));
  });

  it('shows failures in red, unless NO_COLOR is set', async () => {
    const server = await serve.http(page);
    const refused = `http://127.0.0.1:${await closedPort()}/`;
    const input = files.write('failing.txt', urlList([refused, ...range(8).map((index) => `${server.origin}/p/${index}?delay=60`)]));
    const colored = await runInTerminal([input, '-c', '2']);
    expect(colored.code).toBe(1);
    expect(colored.stdout).toContain('\u001b[31m1 failed\u001b[39m');

    const plain = await runInTerminal([input, '-c', '2'], { env: { NO_COLOR: '1' } });
    expect(plain.code).toBe(1);
    expect(plain.stdout).toMatch(/, 1 failed, /);
    expect(plain.stdout.replaceAll('\r\u001b[K', '')).not.toContain('\u001b[');
  });

  it('is not drawn with --no-progress', async () => {
    const input = await slowList('off.txt', 5);
    const result = await runInTerminal([input, '--no-progress']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b[K');
    expect(result.stdout).not.toMatch(frame);
  });

  it('leaves no trace when Ctrl-C interrupts the run', async () => {
    const server = await serve.http((request, response) => {
      if (request.url?.startsWith('/fast/') === true) response.end('fast');
    });
    const input = files.write('hang.txt', urlList(range(10).map((index) => `${server.origin}/${index < 2 ? 'fast' : 'hang'}/${index}`)));
    const run = startInTerminal([input, '-c', '3']);
    await waitFor(() => server.inFlight.current >= 3, 'three hanging requests');
    // The line is on screen before the interrupt.
    await waitForOutput(run.child.stdout as Readable, 'sitesize: ');
    // Ctrl-C, typed on the terminal: the terminal sends SIGINT to the CLI.
    run.child.stdin?.write('\u0003');
    const result = await run.result;
    expect(result.code, result.stdout).toBe(130);
    expect(result.stdout).toMatch(frame);
    const screen = screenOf(result.stdout).filter((line) => line !== '^C');
    expect(screen).toHaveLength(4);
    expect(
      screen
        .slice(0, 2)
        .map((line) => (JSON.parse(line) as SizeRecord).index)
        .sort(),
    ).toEqual([0, 1]);
    expectSummaryAtTheEnd(screen, 2);
  });
});

describe('the progress line off a terminal', () => {
  it('is off by default when stderr is not a terminal', async () => {
    const input = await slowList('pipe.txt', 3);
    const result = await runCli([input]);
    expect(result.stderr).not.toMatch(frame);
  });

  it('--progress draws it anyway, at a bounded rate, on stderr only', async () => {
    const server = await serve.http(page);
    const input = files.write('many.txt', urlList(range(300).map((index) => `${server.origin}/n/${index}`)));
    const output = files.path('many.jsonl');
    const started = Date.now();
    const result = await runCli([input, '--progress', '-o', output, '-c', '8']);
    const elapsedMs = Date.now() - started;
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(readFileSync(output, 'utf8'))).toHaveLength(300);
    const frames = result.stderr.split('\r\u001b[K').filter((text) => frame.test(text));
    expect(frames.length).toBeGreaterThan(0);
    // At most ten frames a second (plus the first), however fast the records come.
    expect(frames.length).toBeLessThanOrEqual(Math.ceil(elapsedMs / 100) + 1);
    expect(frames.length).toBeLessThan(300);
    // The last frame is cleared before the summary.
    expect(result.stderr.split('\r\u001b[K').at(-1)).toMatch(/^sitesize: 300 URLs in [^\n]+\nsitesize: bytes [^\n]+\n$/);
  });
});
