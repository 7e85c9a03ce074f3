import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryDelay } from '../../src/fetch/retry-policy.js';
import type { SizeRecord } from '../../src/index.js';
import { RateLimit } from '../../src/pool/rate-limit.js';
import { failedRecord } from '../../src/record.js';
import { collect, parseLines, runCli } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';

const serve = useServers();

function record(fields: Partial<SizeRecord>): SizeRecord {
  return { ...failedRecord('http://127.0.0.1/', 0, 'RESET', 'reset'), attempts: 1, error: null, ...fields };
}

// Arrival times (ms, from the server's clock) of each request, by path.
function arrivalClock(): { arrivals: Map<string, number[]>; arrive(path: string): void } {
  const arrivals = new Map<string, number[]>();
  return {
    arrivals,
    arrive(path) {
      const times = arrivals.get(path) ?? [];
      times.push(performance.now());
      arrivals.set(path, times);
    },
  };
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => Math.round(time - (times[index] ?? time)));
}

describe('--per-host', () => {
  it('keeps at most n in flight per origin, and a busy origin does not hold up another (-c 10 --per-host 2)', async () => {
    const slow = await serve.http((_request, response) => {
      setTimeout(() => response.end('slow'), 100);
    });
    const fast = await serve.http((_request, response) => {
      response.end('fast');
    });
    const urls = [
      ...Array.from({ length: 50 }, (_, i) => `${slow.origin}/a${i}`),
      ...Array.from({ length: 10 }, (_, i) => `${fast.origin}/b${i}`),
    ];
    const result = await runCli(['-c', '10', '--per-host', '2', '-q'], { input: urls.join('\n'), timeoutMs: 30_000 });
    expect(result.code, result.stderr).toBe(0);
    const records = parseLines(result.stdout);
    expect(records).toHaveLength(60);
    expect(slow.inFlight.peak).toBe(2);
    expect(fast.inFlight.peak).toBeLessThanOrEqual(2);
    // B's ten URLs come after A's fifty in the input, yet all finish while A has
    // more than forty still to go (A needs 25 rounds of 100 ms at two at a time).
    const lastFast = records.findLastIndex((record) => record.url.startsWith(fast.origin));
    const slowBefore = records.slice(0, lastFast).filter((record) => record.url.startsWith(slow.origin)).length;
    expect(slowBefore).toBeLessThan(10);
  });

  it('applies per origin: scheme, host and port', async () => {
    const handler = (_request: unknown, response: { end(body: string): void }): void => {
      setTimeout(() => {
        response.end('ok');
      }, 20);
    };
    const first = await serve.http(handler);
    const second = await serve.http(handler);
    const urls = Array.from({ length: 20 }, (_, i) => `${i % 2 === 0 ? first.origin : second.origin}/${i}`);
    const records = await collect(urls, { concurrency: 8, perHost: 3 });
    expect(records.every((record) => record.status === 200)).toBe(true);
    expect(first.inFlight.peak).toBe(3);
    expect(second.inFlight.peak).toBe(3);
  });
});

describe('--rate', () => {
  it('starts at most n attempts in any one-second window', async () => {
    const clock = arrivalClock();
    const server = await serve.http((request, response) => {
      clock.arrive('all');
      response.end(request.url);
    });
    const started = performance.now();
    const records = await collect(
      Array.from({ length: 15 }, (_, i) => `${server.origin}/${i}`),
      { concurrency: 15, rate: 10 },
    );
    expect(records.every((record) => record.status === 200)).toBe(true);
    const times = clock.arrivals.get('all') ?? [];
    expect(times).toHaveLength(15);
    // Any 11 starts span more than a second (a little less at the server, for scheduling noise).
    for (let i = 10; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 10] ?? 0)).toBeGreaterThan(900);
    expect(performance.now() - started).toBeGreaterThan(950);
  });

  it('does not count redirect hops', async () => {
    const clock = arrivalClock();
    const server = await serve.http((request, response) => {
      clock.arrive('all');
      const hop = Number(request.url?.split('/')[2] ?? 0);
      if (hop < 2) response.writeHead(302, { location: `/${request.url?.split('/')[1] ?? ''}/${hop + 1}` }).end();
      else response.end('landed');
    });
    const records = await collect([`${server.origin}/a/0`, `${server.origin}/b/0`], { rate: 2 });
    expect(records.map((record) => [record.status, record.redirects])).toEqual([
      [200, 2],
      [200, 2],
    ]);
    const times = clock.arrivals.get('all') ?? [];
    expect(times).toHaveLength(6);
    expect((times.at(-1) ?? 0) - (times[0] ?? 0)).toBeLessThan(900);
  });

  it('counts retries', () => {
    const rate = new RateLimit(2);
    expect(rate.take(0)).toBe(0);
    expect(rate.take(10)).toBe(0);
    expect(rate.take(20)).toBe(980);
    expect(rate.take(1000)).toBe(0);
    expect(rate.take(1005)).toBe(5);
  });
});

describe('--retries', () => {
  it('retries a 503 with Retry-After twice, waiting what the server asked, then records the 200', async () => {
    const clock = arrivalClock();
    const server = await serve.http((request, response) => {
      clock.arrive(request.url ?? '');
      if ((clock.arrivals.get(request.url ?? '') ?? []).length <= 2) response.writeHead(503, { 'retry-after': '1' }).end('busy');
      else response.end('finally');
    });
    const [flaky] = await collect([`${server.origin}/flaky`], { retries: 3 });
    expect(flaky).toMatchObject({ status: 200, bytes: 7, attempts: 3, error: null });
    const waits = gaps(clock.arrivals.get('/flaky') ?? []);
    expect(waits).toHaveLength(2);
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(950);
      expect(wait).toBeLessThan(3000);
    }
    // `total` runs from the first attempt's start; `ttfb` is the last attempt's.
    expect(flaky?.timings.total).toBeGreaterThanOrEqual(1900);
    expect(flaky?.timings.ttfb).toBeLessThan(1000);
  });

  it('keeps the last outcome when the retries run out', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(503, { 'retry-after': '0' }).end('busy');
    });
    const port = await closedPort();
    const records = await collect([`${server.origin}/always`, `http://127.0.0.1:${port}/`], { retries: 2 });
    expect(records.map((record) => [record.status, record.attempts, record.error?.code ?? null])).toEqual([
      [503, 3, null],
      [null, 3, 'CONNECT_REFUSED'],
    ]);
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry what will not get better: 404, 500, a TLS failure', async () => {
    const server = await serve.http((request, response) => {
      response.writeHead(request.url === '/missing' ? 404 : 500).end();
    });
    const tls = await serve.https((_request, response) => response.end());
    const records = await collect([`${server.origin}/missing`, `${server.origin}/broken`, tls.origin], { retries: 3 });
    expect(records.map((record) => record.attempts)).toEqual([1, 1, 1]);
    expect(records[2]?.error?.code).toBe('TLS');
    expect(server.requests).toHaveLength(2);
  });

  it('waits outside the slots: with -c 1 another URL runs during the wait', async () => {
    const clock = arrivalClock();
    const server = await serve.http((request, response) => {
      clock.arrive('all');
      const seen = server.requests.filter((seenRequest) => seenRequest.url === request.url).length;
      if (request.url === '/flaky' && seen === 1) response.writeHead(429, { 'retry-after': '1' }).end();
      else response.end('ok');
    });
    const result = await runCli(['-c', '1', '--retries', '1', '-q', `${server.origin}/flaky`, `${server.origin}/other`]);
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests.map((request) => request.url)).toEqual(['/flaky', '/other', '/flaky']);
    expect(parseLines(result.stdout).map((line) => [line.url, line.attempts])).toEqual([
      [`${server.origin}/other`, 1],
      [`${server.origin}/flaky`, 2],
    ]);
  });
});

describe('retry delays', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  const transient = { record: record({ error: { code: 'RESET', message: 'reset' } }), retryAfter: undefined };

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter', () => {
    expect(retryDelay(transient, 1, 5, now, () => 0.999)).toBeCloseTo(499.5);
    expect(retryDelay(transient, 3, 5, now, () => 0.999)).toBeCloseTo(1998);
    expect(retryDelay(transient, 3, 5, now, () => 0)).toBe(0);
  });

  it('prefers the server’s Retry-After, and caps every wait at 60 s', () => {
    const asked = (retryAfter: string): number | undefined =>
      retryDelay({ record: record({ status: 429 }), retryAfter }, 1, 5, now, () => 0.5);
    expect(asked('2')).toBe(2000);
    expect(asked('3600')).toBe(60_000);
    expect(retryDelay(transient, 20, 30, now, () => 0.999)).toBe(60_000);
  });

  it('stops when the retries are used up or the outcome is not transient', () => {
    expect(retryDelay(transient, 3, 2, now)).toBeUndefined();
    expect(retryDelay({ record: record({ status: 200 }), retryAfter: '1' }, 1, 5, now)).toBeUndefined();
    expect(retryDelay({ record: record({ error: { code: 'TLS', message: 'bad' } }), retryAfter: undefined }, 1, 5, now)).toBeUndefined();
    for (const status of [408, 429, 502, 503, 504]) {
      expect(retryDelay({ record: record({ status }), retryAfter: undefined }, 1, 5, now, () => 0.5)).toBe(250);
    }
  });
});
