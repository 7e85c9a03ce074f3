import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/pool/request-gate.js';
import { RetrySleeper } from '../../src/pool/retry-sleeper.js';
import { runPool } from '../../src/pool/run-pool.js';
import { collect } from '../helpers/run.js';
import { startHttpServer, type TestServer } from '../helpers/servers.js';
import { settle, waitFor } from '../helpers/wait.js';

// A source that records how far it has been read.
function countingSource(count: number, toItem: (index: number) => string): { pulled: () => number; items: AsyncIterable<string> } {
  let pulled = 0;
  async function* items(): AsyncGenerator<string> {
    for (let index = 0; index < count; index++) {
      pulled++;
      yield toItem(index);
    }
  }
  return { pulled: () => pulled, items: items() };
}

function iteratorOf<T>(items: Iterable<T>): AsyncIterator<T> {
  return (async function* () {
    yield* items;
  })();
}

const neverAborted = (): AbortSignal => new AbortController().signal;

interface Run {
  concurrency: number;
  ordered: boolean;
  signal: AbortSignal;
}

// A pool whose tasks each make one request through the gate.
function gatedPool<I, R>(
  inputs: AsyncIterator<I>,
  task: (input: I) => Promise<R>,
  { concurrency, ordered, signal }: Run,
): AsyncGenerator<R> {
  const gate = new RequestGate({ concurrency, perKey: Infinity, rate: Infinity, signal });
  const sleeper = new RetrySleeper(signal);
  return runPool(inputs, (input) => gate.run(undefined, () => task(input)), { gate, sleeper, ordered, signal });
}

describe('runPool', () => {
  it('yields results as they complete, not in input order', async () => {
    const order: number[] = [];
    for await (const value of gatedPool(iteratorOf([30, 1, 15]), async (ms) => delay(ms, ms), {
      concurrency: 3,
      ordered: false,
      signal: neverAborted(),
    })) {
      order.push(value);
    }
    expect(order).toEqual([1, 15, 30]);
  });

  it('yields in input order with ordered, behind a slow first task', async () => {
    const order: number[] = [];
    const inputs = iteratorOf([40, 1, 2, 3, 4, 5, 6, 7]);
    for await (const value of gatedPool(inputs, async (ms) => delay(ms, ms), { concurrency: 2, ordered: true, signal: neverAborted() })) {
      order.push(value);
    }
    expect(order).toEqual([40, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('never runs more than concurrency tasks, and keeps that many busy', async () => {
    let running = 0;
    let peak = 0;
    const task = async (ms: number): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await delay(ms);
      running--;
      return ms;
    };
    const results: number[] = [];
    const inputs = iteratorOf(Array.from({ length: 30 }, (_, index) => (index % 3) + 1));
    for await (const value of gatedPool(inputs, task, { concurrency: 4, ordered: false, signal: neverAborted() })) results.push(value);
    expect(results).toHaveLength(30);
    expect(peak).toBe(4);
  });

  it('stops pulling input while the consumer does not take results', async () => {
    const source = countingSource(1000, String);
    const pool = gatedPool(source.items[Symbol.asyncIterator](), async (item) => item, {
      concurrency: 5,
      ordered: false,
      signal: neverAborted(),
    });
    await pool.next();
    await settle();
    expect(source.pulled()).toBeLessThanOrEqual(5 + 2);
    await pool.return(undefined);
  });

  it('stops pulling when aborted and yields what was in flight', async () => {
    const stop = new AbortController();
    const source = countingSource(1000, String);
    const results: string[] = [];
    for await (const value of gatedPool(source.items[Symbol.asyncIterator](), async (item) => delay(5, item), {
      concurrency: 3,
      ordered: false,
      signal: stop.signal,
    })) {
      results.push(value);
      if (results.length === 10) stop.abort();
    }
    expect(results.length).toBeGreaterThanOrEqual(10);
    expect(results.length).toBeLessThanOrEqual(10 + 3);
    expect(source.pulled()).toBeLessThanOrEqual(results.length + 1);
  });

  it('throws when reading the input fails', async () => {
    async function* failing(): AsyncGenerator<string> {
      yield 'a';
      await delay(1);
      throw new Error('read failed');
    }
    const consume = async (): Promise<void> => {
      for await (const value of gatedPool(failing(), async (item) => item, { concurrency: 2, ordered: false, signal: neverAborted() }))
        expect(value).toBe('a');
    };
    await expect(consume()).rejects.toThrow('read failed');
  });
});

describe('measure() pool over real requests', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('keeps exactly --concurrency requests in flight at the server', async () => {
    server = await startHttpServer((_request, response) => {
      setTimeout(() => response.end('ok'), 20);
    });
    const { origin } = server;
    const records = await collect(
      Array.from({ length: 60 }, (_, index) => `${origin}/${index}`),
      { concurrency: 7 },
    );
    expect(records).toHaveLength(60);
    expect(records.every((record) => record.error === null)).toBe(true);
    expect(server.inFlight.peak).toBe(7);
  });

  it('pulls input lazily: only as far as the free slots', async () => {
    const release: (() => void)[] = [];
    const holding = await startHttpServer((_request, response) => {
      release.push(() => response.end('ok'));
    });
    server = holding;
    const { origin } = holding;
    const source = countingSource(100_000, (index) => `${origin}/${index}`);
    const stop = new AbortController();
    const run = collect(source.items, { concurrency: 3, signal: stop.signal });
    await waitFor(() => holding.requests.length >= 3, 'three requests');
    await settle();
    expect(holding.requests).toHaveLength(3);
    expect(source.pulled()).toBeLessThanOrEqual(4);
    stop.abort();
    const records = await run;
    expect(records.map((record) => record.error?.code)).toEqual(['ABORTED', 'ABORTED', 'ABORTED']);
    expect(source.pulled()).toBeLessThanOrEqual(4);
    for (const answer of release) answer();
  });
});
