import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithPeakRss } from '../helpers/peak-rss.js';
import { parseLines } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';

const megabyte = 1024 * 1024;
const testTimeoutMs = 120_000;

const folder = mkdtempSync(join(tmpdir(), 'sitesize-memory-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

const serve = useServers();

describe('peak memory of the CLI', () => {
  it(
    'streams a 200 MiB body without holding it',
    async () => {
      const size = 200 * megabyte;
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const server = await serve.http((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        let sent = 0;
        // Writes only while the socket keeps up, so the server holds no more than a chunk or so.
        const pump = (): void => {
          while (sent < size) {
            sent += chunk.length;
            if (!response.write(chunk)) {
              response.once('drain', pump);
              return;
            }
          }
          response.end();
        };
        pump();
      });

      const run = await runWithPeakRss([`${server.origin}/big`, '-q'], testTimeoutMs - 10_000);
      const message = `200 MiB body: peak RSS ${run.peakRssMb.toFixed(1)} MiB, ${run.seconds.toFixed(1)} s`;
      console.log(message);

      expect(run.code, run.stderr).toBe(0);
      expect(parseLines(run.stdout)).toMatchObject([{ status: 200, bytes: size, encodedBytes: size, truncated: false, error: null }]);
      expect(run.peakRssMb, message).toBeLessThan(150);
    },
    testTimeoutMs,
  );

  it(
    'reads a 100 000-line input without growing',
    async () => {
      const count = 100_000;
      const server = await serve.http((_request, response) => {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end('ok');
      });
      const lines: string[] = [];
      for (let index = 0; index < count; index++) lines.push(`${server.origin}/i/${index}\n`);
      const file = join(folder, 'hundred-thousand.txt');
      writeFileSync(file, lines.join(''));
      // A third of the list: long enough for the heap to reach its working size.
      const third = join(folder, 'a-third.txt');
      writeFileSync(third, lines.slice(0, count / 3).join(''));

      // Into files, whose writes complete later: the consumer of the pool then
      // lags behind its results all the time.
      const output = join(folder, 'records.jsonl');
      const small = await runWithPeakRss([third, '-c', '64', '-q', '-o', output], testTimeoutMs / 4);
      const run = await runWithPeakRss([file, '-c', '64', '-q', '-o', output], testTimeoutMs - 10_000);
      const message = `${count} URLs: peak RSS ${run.peakRssMb.toFixed(1)} MiB, ${run.seconds.toFixed(1)} s (a third of them: ${small.peakRssMb.toFixed(1)} MiB)`;
      console.log(message);

      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      const records = parseLines(readFileSync(output, 'utf8'));
      expect(records).toHaveLength(count);
      const seen = new Uint8Array(count);
      for (const record of records) seen[record.index] = (seen[record.index] ?? 0) + 1;
      expect(
        seen.every((times) => times === 1),
        'each index exactly once',
      ).toBe(true);
      expect(records.filter((record) => record.url !== `${server.origin}/i/${record.index}`)).toEqual([]);
      expect(records.filter((record) => record.error !== null)).toEqual([]);
      expect(run.peakRssMb, message).toBeLessThan(200);
      // Three times the URLs, about the same memory: nothing is kept per URL.
      expect(run.peakRssMb, message).toBeLessThan(small.peakRssMb * 1.2 + 8);
    },
    testTimeoutMs,
  );

  it(
    'resumes from an output file of 150 MiB without holding it',
    async () => {
      const count = 50_000;
      const server = await serve.http((_request, response) => {
        response.end('ok');
      });
      const url = (index: number): string => `${server.origin}/r/${index}`;
      // Records with long error messages, so that the file is much bigger than the process may grow.
      const message = 'm'.repeat(3000);
      const input = join(folder, 'resume.txt');
      const output = join(folder, 'resume.jsonl');
      writeFileSync(input, Array.from({ length: count + 1 }, (_, index) => `${url(index)}\n`).join(''));
      const records: string[] = [];
      for (let index = 0; index < count; index++) {
        const record = {
          url: url(index),
          index,
          finalUrl: null,
          status: null,
          bytes: null,
          encodedBytes: null,
          headerBytes: null,
          contentType: null,
          contentEncoding: null,
          httpVersion: null,
          redirects: 0,
          attempts: 1,
          truncated: false,
          timings: { dns: null, connect: null, tls: null, ttfb: null, total: 1 },
          error: { code: 'RESET', message },
        };
        records.push(`${JSON.stringify(record)}\n`);
      }
      const content = records.join('');
      writeFileSync(output, content);
      const fileMb = Buffer.byteLength(content) / megabyte;

      const run = await runWithPeakRss([input, '-o', output, '--resume', '-q'], testTimeoutMs - 10_000);
      const report = `resuming a ${fileMb.toFixed(0)} MiB file: peak RSS ${run.peakRssMb.toFixed(1)} MiB, ${run.seconds.toFixed(1)} s`;
      console.log(report);

      // Exit 1: the kept records have errors.
      expect(run.code, run.stderr).toBe(1);
      expect(server.requests.map((request) => request.url)).toEqual([`/r/${count}`]);
      expect(run.peakRssMb, report).toBeLessThan(fileMb * 0.8);
    },
    testTimeoutMs,
  );
});
