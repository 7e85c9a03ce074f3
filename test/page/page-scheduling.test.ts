import { describe, expect, it } from 'vitest';
import { createConnections } from '../../src/fetch/connections.js';
import type { FetchRun } from '../../src/fetch/fetch-with-retries.js';
import { resolveOptions } from '../../src/options.js';
import { AssetCache } from '../../src/page/asset-cache.js';
import { devices } from '../../src/page/media-query.js';
import { weighPage } from '../../src/page/weigh-page.js';
import { RequestGate } from '../../src/pool/request-gate.js';
import { RetrySleeper } from '../../src/pool/retry-sleeper.js';
import { Slots } from '../../src/pool/slots.js';
import { measure } from '../../src/index.js';
import { collect } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { html, startSite, typed, type Served } from '../helpers/raw-site.js';

const serve = useServers();

// Pages p0..p(n-1), each with three images of its own.
function pages(count: number): Record<string, Served> {
  const served: Record<string, Served> = {};
  for (let page = 0; page < count; page++) {
    served[`/p${page}`] = html([0, 1, 2].map((image) => `<img src="/p${page}-${image}.png">`).join(''));
    for (const image of [0, 1, 2]) served[`/p${page}-${image}.png`] = typed('image/png', `PNG ${page} ${image}`);
  }
  return served;
}

describe('pages in the request gate', () => {
  it('weighs pages at -c 1 without deadlock, finishing queued subresources before the next page', async () => {
    const site = await startSite(serve, pages(3));
    const records = await collect(
      [0, 1, 2].map((page) => `${site.origin}/p${page}`),
      { page: true, concurrency: 1 },
    );
    expect(records.map((record) => record.page?.requests)).toEqual([4, 4, 4]);
    const order = site.requests.map((request) => request.path);
    expect(order).toHaveLength(12);
    for (const page of [0, 1]) {
      const lastImage = Math.max(...[0, 1, 2].map((image) => order.indexOf(`/p${page}-${image}.png`)));
      expect(lastImage).toBeLessThan(order.indexOf(`/p${page + 1}`));
    }
  });

  it('queues a page’s subresources in the gate while the page itself holds no slot', async () => {
    const options = resolveOptions({ concurrency: 1 }, 'sitesize/test');
    const stop = new AbortController();
    const context = { options, connections: createConnections(options), inFlight: new Slots<never>() };
    const gate = new RequestGate({ concurrency: 1, perKey: Infinity, rate: Infinity, signal: stop.signal });
    const fetch: FetchRun = { context, gate, sleeper: new RetrySleeper(stop.signal), stop: stop.signal, retries: 0 };
    const samples: { active: number; pending: number }[] = [];
    const site = await startSite(serve, pages(1), () => samples.push({ active: gate.activeCount, pending: gate.pendingCount }));
    try {
      const run = { fetch, device: devices.mobile, maxResources: 500, cache: new AssetCache(), onRequest: undefined };
      const url = `${site.origin}/p0`;
      const { record } = await weighPage(run, { url: new URL(url), authorization: undefined }, { url, index: 0 });
      expect(record.page?.requests).toBe(4);
      expect(Math.max(...samples.map((sample) => sample.pending))).toBeGreaterThan(0);
      expect(samples.every((sample) => sample.active === 1)).toBe(true);
      expect(gate.activeCount + gate.pendingCount).toBe(0);
    } finally {
      await context.connections.close();
    }
  });

  it('respects --per-host and --retries for subresources', async () => {
    let failures = 1;
    const served = pages(1);
    const site = await startSite(serve, served, (request) => {
      if (request.path !== '/p0-1.png') return;
      served['/p0-1.png'] = failures-- > 0 ? { status: 503, reason: 'Service Unavailable', body: 'busy' } : typed('image/png', 'PNG 0 1');
    });
    const [record] = await collect([`${site.origin}/p0`], { page: true, perHost: 1, retries: 2 });
    expect(site.hits('/p0-1.png')).toBe(2);
    expect(record?.page?.requests).toBe(4);
    expect(record?.page?.types.image.bytes).toBe('PNG 0 0'.length * 3);
  });

  it('gives a page cut off by the run’s signal an ABORTED record', async () => {
    const interrupt = new AbortController();
    const site = await startSite(serve, { '/': html('<img src="/hang.png">'), '/hang.png': { hang: true } }, (request) => {
      if (request.path === '/hang.png') interrupt.abort();
    });
    const [record] = await collect([`${site.origin}/`], { page: true, signal: interrupt.signal });
    expect(record?.error?.code).toBe('ABORTED');
    expect(record?.page?.errors).toEqual({ ABORTED: 1 });
  });

  it('keeps at most -c pages in flight, pulling the next URL only as pages finish', async () => {
    const site = await startSite(serve, pages(30));
    let pulled = 0;
    let yielded = 0;
    let mostInFlight = 0;
    function* urls(): Generator<string> {
      for (let page = 0; page < 30; page++) {
        pulled += 1;
        mostInFlight = Math.max(mostInFlight, pulled - yielded);
        yield `${site.origin}/p${page}`;
      }
    }
    for await (const record of measure(urls(), { page: true, concurrency: 2 })) {
      expect(record.page?.requests).toBe(4);
      yielded += 1;
    }
    expect(yielded).toBe(30);
    expect(mostInFlight).toBeLessThanOrEqual(3);
  });
});
