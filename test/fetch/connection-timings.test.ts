import { describe, expect, it } from 'vitest';
import type { Dispatcher } from 'undici';
import { createConnections, type ConnectionTimings } from '../../src/fetch/connections.js';
import { useServers } from '../helpers/servers.js';

const serve = useServers();

interface Seen {
  timings: ConnectionTimings | null;
  /** Whether onConnection came in the same tick as onRequestStart, before any microtask. */
  sameTick: boolean;
}

// One GET whose handler does what Measurement does: tell the connections in
// onRequestStart, and expect onConnection before the tick ends.
function request(connections: ReturnType<typeof createConnections>, url: URL): Promise<Seen> {
  return new Promise((resolve, reject) => {
    let seen: Seen | undefined;
    let tickEnded = false;
    const handler: Dispatcher.DispatchHandler = {
      onRequestStart() {
        tickEnded = false;
        queueMicrotask(() => (tickEnded = true));
        connections.requestStarting(
          {
            onRawHeaders() {
              // Header sizes are not what this test is about.
            },
            onConnection(timings: ConnectionTimings | null) {
              seen = { timings, sameTick: !tickEnded };
            },
          },
          url.origin,
        );
      },
      onResponseEnd() {
        if (seen) resolve(seen);
        else reject(new Error('onConnection never came'));
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    };
    connections.dispatcherFor(null).dispatch({ origin: url.origin, path: url.pathname, method: 'GET' }, handler);
  });
}

const options = {
  connectTimeoutMs: 5000,
  insecure: true,
  lookup: undefined,
  concurrency: 1,
  perHost: Infinity,
  proxy: false as const,
  follow: true,
  maxRedirects: 10,
  allowPrivate: false,
};

describe('the connection-timing hand-off', () => {
  it.each([
    ['http/1.1', false],
    ['h2', true],
  ])('reaches the request in the tick it was started, opened then reused (%s)', async (_name, http2) => {
    const server = http2
      ? await serve.http2((_request, response) => response.end('ok'))
      : await serve.http((_request, response) => response.end('ok'));
    const connections = createConnections({ ...options, http2 });
    try {
      const first = await request(connections, new URL(`${server.origin}/1`));
      const second = await request(connections, new URL(`${server.origin}/2`));
      expect(first.sameTick).toBe(true);
      expect(first.timings?.connect).toEqual(expect.any(Number));
      expect(second.sameTick).toBe(true);
      expect(second.timings).toBeNull();
    } finally {
      await connections.close();
    }
  });
});
