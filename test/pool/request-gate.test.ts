import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { RequestGate } from '../../src/pool/request-gate.js';
import { RetrySleeper } from '../../src/pool/retry-sleeper.js';
import { runPool } from '../../src/pool/run-pool.js';
import { useServers } from '../helpers/servers.js';

const serve = useServers();

// One GET over a keep-alive agent, resolved when the body has been read.
function get(agent: http.Agent, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.once('end', resolve);
      })
      .once('error', reject);
  });
}

async function* numbers(count: number): AsyncGenerator<number> {
  for (let index = 0; index < count; index++) yield index;
}

// Tasks shaped like pages: one request, then three more made together once it is done.
async function runPages(concurrency: number, pages: number): Promise<{ peak: number; pendingPeak: number; done: number }> {
  const server = await serve.http((_request, response) => {
    setTimeout(() => response.end('ok'), 5);
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const signal = new AbortController().signal;
  const gate = new RequestGate({ concurrency, perKey: Infinity, rate: Infinity, signal });
  let pendingPeak = 0;
  const request = (path: string): Promise<void> =>
    gate.run(undefined, async () => {
      pendingPeak = Math.max(pendingPeak, gate.pendingCount);
      await get(agent, `${server.origin}${path}`);
    });
  const page = async (index: number): Promise<number> => {
    await request(`/${index}`);
    await Promise.all([1, 2, 3].map((part) => request(`/${index}/${part}`)));
    return index;
  };
  const finished: number[] = [];
  for await (const index of runPool(numbers(pages), page, { gate, sleeper: new RetrySleeper(signal), ordered: false, signal }))
    finished.push(index);
  agent.destroy();
  return { peak: server.inFlight.peak, pendingPeak, done: new Set(finished).size };
}

describe('the request gate', () => {
  it('is p-limit: requests queue in it under load, and exactly -c are in flight at the server', async () => {
    const { peak, pendingPeak, done } = await runPages(3, 40);
    expect(done).toBe(40);
    expect(pendingPeak).toBeGreaterThan(0);
    expect(peak).toBe(3);
  });

  it('does not deadlock at -c 1: a task waiting for its requests holds no slot', async () => {
    const { peak, done } = await runPages(1, 10);
    expect(done).toBe(10);
    expect(peak).toBe(1);
  });

  it('keeps a busy key from taking every slot', async () => {
    const signal = new AbortController().signal;
    const gate = new RequestGate({ concurrency: 4, perKey: 1, rate: Infinity, signal });
    const running = new Map<string, number>();
    let peakPerKey = 0;
    const started: string[] = [];
    const task = (key: string) =>
      gate.run(key, async () => {
        started.push(key);
        running.set(key, (running.get(key) ?? 0) + 1);
        peakPerKey = Math.max(peakPerKey, ...running.values());
        await new Promise((resolve) => setTimeout(resolve, 5));
        running.set(key, (running.get(key) ?? 1) - 1);
      });
    await Promise.all([...['a', 'a', 'a', 'a', 'b'].map(task)]);
    expect(peakPerKey).toBe(1);
    expect(started.indexOf('b')).toBe(1);
  });
});
