import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Agent as AgentTypes, buildConnector as ConnectorTypes, Dispatcher } from 'undici';
import type { AddressSpace } from './address-space.js';
import { guardLookup, refuseLiteralHosts, type CheckedSpace } from './address-guard.js';
import { Agent, buildConnector, loadEnvHttpProxyAgent, redirectInterceptor } from './undici.js';
import type { ResolvedOptions } from '../options.js';

/** What the connections need of the run's options. */
export type ConnectionOptions = Pick<
  ResolvedOptions,
  'connectTimeoutMs' | 'insecure' | 'http2' | 'lookup' | 'concurrency' | 'perHost' | 'proxy' | 'follow' | 'maxRedirects' | 'allowPrivate'
>;
import { roundMs } from '../record.js';

/** How long it took to open a connection, phase by phase (ms); null for a phase that did not happen. */
export interface ConnectionTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
}

/**
 * Told which connection carries a request, right when undici writes the
 * request on it; `peer` is the address it is connected to (null through a proxy).
 */
export interface ConnectionListener {
  onConnection(timings: ConnectionTimings | null, socket: Socket, peer: string | null): void;
}

export interface Connections {
  /**
   * The dispatcher for a URL that a page on an address in `initiator`'s space
   * named, which refuses to connect anywhere more private; null for a URL the
   * user named, which is never refused.
   */
  dispatcherFor(initiator: AddressSpace | null): Dispatcher;
  /** Call from `onRequestStart`: the request is written on a socket right after it, in the same tick. */
  requestStarting(listener: ConnectionListener): void;
  close(): Promise<void>;
}

interface SendHeadersMessage {
  socket: Socket;
}

/**
 * Keep-alive Agents for the whole run, with undici's redirect interceptor (one
 * for the URLs the user named, one for each initiator space that restricts
 * where a page may lead, so that they share no connection), and the
 * bookkeeping that tells each request whether it opened its connection (and
 * how long each phase took) or reused a pooled one.
 */
export function createConnections(options: ConnectionOptions): Connections {
  const opened = new WeakMap<object, ConnectionTimings>();
  let starting: ConnectionListener | undefined;

  const tlsOptions = {
    timeout: options.connectTimeoutMs,
    rejectUnauthorized: !options.insecure,
    allowH2: options.http2,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  };

  // Times each connection it opens, and notes it as one of this run's sockets.
  const timed =
    (connector: ConnectorTypes.connector): ConnectorTypes.connector =>
    (connectOptions, callback) => {
      const start = performance.now();
      let lookedUp: number | undefined;
      let connected: number | undefined;
      const socket = (connector as unknown as (...args: Parameters<ConnectorTypes.connector>) => Socket)(connectOptions, (...args) => {
        const [error, ready] = args;
        if (error === null) {
          const end = performance.now();
          const tcpStart = lookedUp ?? start;
          const tcpEnd = connected ?? end;
          opened.set(ready, {
            dns: lookedUp === undefined ? null : roundMs(lookedUp - start),
            connect: roundMs(tcpEnd - tcpStart),
            tls: connectOptions.protocol === 'https:' ? roundMs(end - tcpEnd) : null,
          });
        }
        callback(...args);
      });
      socket.once('lookup', () => (lookedUp = performance.now()));
      socket.once('connect', () => (connected = performance.now()));
    };

  // A connector's lookup is fixed when it is built, and undici does not tell it
  // which request a connection is for: hence one connector per initiator space.
  const connectFor = (initiator: CheckedSpace | null): ConnectorTypes.connector =>
    timed(buildConnector(initiator === null ? tlsOptions : { ...tlsOptions, lookup: guardLookup(initiator, options.lookup) }));

  const proxied = usesProxy(options);

  // Only this run's sockets are in `opened`, so requests of other undici users
  // are ignored; through a proxy, undici opens the sockets (phases unknown),
  // and the address a socket is connected to is the proxy's.
  const onSendHeaders = (message: unknown): void => {
    const { socket } = message as SendHeadersMessage;
    const listener = starting;
    const direct = opened.has(socket);
    if (listener === undefined || !(proxied || direct)) return;
    starting = undefined;
    const timings = opened.get(socket) ?? null;
    opened.set(socket, REUSED);
    listener.onConnection(timings === REUSED ? null : timings, socket, direct ? (socket.remoteAddress ?? null) : null);
  };
  diagnosticsChannel.subscribe('undici:client:sendHeaders', onSendHeaders);

  const agentOptions: AgentTypes.Options = {
    // A request dispatched while its origin's last connection is finishing a
    // response would otherwise open another one: with no more connections per
    // origin than requests in flight to it, it waits a tick and reuses the
    // idle connection instead.
    connections: Math.min(options.concurrency, options.perHost),
    // Each attempt has its own deadline (--timeout, in Measurement); undici's
    // timers per request would only duplicate it, and they linger for up to a
    // second after the response, long enough to fill the old generation.
    headersTimeout: 0,
    bodyTimeout: 0,
    maxHeaderSize: 64 * 1024,
    allowH2: options.http2,
  };
  // Through a proxy, https goes through a CONNECT tunnel (checked with `tlsOptions`);
  // plain http is forwarded in absolute form, as curl does, not tunnelled.
  // NO_PROXY applies to `--proxy` too, as in curl (and those hosts are connected
  // to directly, through `connect`).
  const proxy = options.proxy instanceof URL ? { httpProxy: options.proxy.href, httpsProxy: options.proxy.href } : {};
  const redirects = redirectInterceptor({ maxRedirections: options.follow ? options.maxRedirects : 0 });
  const dispatchers = new Map<CheckedSpace | null, Dispatcher>();

  // Made on first use: a run without pages never has more than the user's.
  const createDispatcher = (initiator: CheckedSpace | null): Dispatcher => {
    const connect = connectFor(initiator);
    const agent = proxied
      ? new (loadEnvHttpProxyAgent())({ ...agentOptions, connect, ...proxy, requestTls: tlsOptions, proxyTunnel: false })
      : new Agent({ ...agentOptions, connect });
    return initiator === null ? agent.compose(redirects) : agent.compose(refuseLiteralHosts(initiator), redirects);
  };

  return {
    dispatcherFor(initiator) {
      const space = options.allowPrivate || initiator === null || initiator === 'local' ? null : initiator;
      let dispatcher = dispatchers.get(space);
      if (dispatcher === undefined) {
        dispatcher = createDispatcher(space);
        dispatchers.set(space, dispatcher);
      }
      return dispatcher;
    },
    requestStarting(listener) {
      starting = listener;
    },
    async close() {
      diagnosticsChannel.unsubscribe('undici:client:sendHeaders', onSendHeaders);
      await Promise.all([...dispatchers.values()].map((dispatcher) => dispatcher.destroy()));
    },
  };
}

const proxyVariables = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY'];

// Like curl: `--proxy` wins, otherwise the environment's proxies (NO_PROXY applies to those).
function usesProxy(options: ConnectionOptions): boolean {
  if (options.proxy !== undefined) return options.proxy !== false;
  return proxyVariables.some((name) => Boolean(process.env[name]));
}

const REUSED: ConnectionTimings = Object.freeze({ dns: null, connect: null, tls: null });
