import type { Dispatcher } from 'undici';
import { Client, Pool, socketKeys } from './undici.js';

// Streams one HTTP/2 connection carries at once: Node's http2 servers allow 100
// by default, nginx 128; past the server's own limit, Node queues the streams.
const streamsPerConnection = 100;
// Origins whose protocol is remembered; past that the list starts again (a
// list of a million origins must not keep a million entries).
const maxOrigins = 10_000;

/**
 * Holds the other requests to an origin back until its first connection has
 * said (by ALPN) whether it speaks HTTP/2, as Chromium and curl do: otherwise
 * every request in flight opens a connection of its own before the first
 * answer comes, and an HTTP/2 origin gets -c connections instead of one.
 */
export class ProtocolProbe {
  // Origins whose first connection is up: true where it agreed h2.
  readonly #known = new Map<string, boolean>();
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Undefined when a request to `origin` may go now (the first one goes, to find out); else when it may. */
  beforeDispatch(origin: string): Promise<void> | undefined {
    if (this.#known.has(origin)) return undefined;
    const waiting = this.#waiting.get(origin);
    if (!waiting) {
      this.#waiting.set(origin, []);
      return undefined;
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  /** Whether the protocol of `origin` is known. */
  known(origin: string): boolean {
    return this.#known.has(origin);
  }

  /** Whether `origin` is known to speak HTTP/2 (false while unknown). */
  speaksH2(origin: string): boolean {
    return this.#known.get(origin) === true;
  }

  /** The first connection to `origin` is up (`h2` says what it agreed), or its request ended without one: the others may go. */
  settle(origin: string, h2: boolean): void {
    const waiting = this.#waiting.get(origin);
    if (!waiting) return;
    this.#waiting.delete(origin);
    if (this.#known.size >= maxOrigins) this.#known.clear();
    this.#known.set(origin, h2);
    for (const resolve of waiting) resolve();
  }
}

// undici takes one request per connection (pipelining 1) unless told more,
// for HTTP/2 too. The probing request's connection, and any new one to an
// origin known to speak h2, starts out taking many streams and keeps that if
// it agrees h2; over HTTP/1.1 it takes one request at a time, never pipelining.
function multiplexOnceH2(client: Dispatcher & { pipelining: number }): Dispatcher {
  const { kSocket } = socketKeys;
  client.on('connect', () => {
    const socket =
      kSocket === undefined ? undefined : (client as unknown as Record<symbol, { alpnProtocol?: string | false } | undefined>)[kSocket];
    if (socket?.alpnProtocol !== 'h2') client.pipelining = 1;
  });
  return client;
}

/** The Agent's factory of per-origin pools whose connections multiplex once they agree HTTP/2. */
export function multiplexingPools(probe: ProtocolProbe): (origin: string | URL, options: object) => Dispatcher {
  return (origin, options) => {
    const url = new URL(origin);
    const key = url.origin;
    const secure = url.protocol === 'https:';
    return new Pool(origin, {
      ...options,
      factory: (clientOrigin: string | URL, clientOptions: object) => {
        // Only the probing request reaches a connection of an origin not yet known.
        const mayMultiplex = secure && (probe.speaksH2(key) || !probe.known(key));
        return multiplexOnceH2(new Client(clientOrigin, { ...clientOptions, pipelining: mayMultiplex ? streamsPerConnection : 1 }));
      },
    });
  };
}
