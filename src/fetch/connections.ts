import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { Agent as AgentTypes, buildConnector as ConnectorTypes, Dispatcher } from 'undici';
import { offerH2First, type SocketConnector } from './h2-first-connector.js';
import { H2HeaderTap, type RawHeadersListener } from './h2-header-tap.js';
import { multiplexingPools, ProtocolProbe } from './h2-multiplex.js';
import { tapExchanges } from './exchange-tap.js';
import { followRedirects } from './redirects.js';
import { Agent, buildConnector, loadEnvHttpProxyAgent } from './undici.js';
import type { AddressSpace } from './address-space.js';
import { guardLookup, refuseLiteralHosts, type CheckedSpace } from './address-guard.js';
import { timedConnector } from './timed-connector.js';
import type { ResolvedOptions } from '../options.js';

/** What the connections need of the run's options. */
export type ConnectionOptions = Pick<
  ResolvedOptions,
  'connectTimeoutMs' | 'insecure' | 'http2' | 'lookup' | 'concurrency' | 'perHost' | 'proxy' | 'follow' | 'maxRedirects' | 'allowPrivate'
>;

/** How long it took to open a connection, phase by phase (ms); null for a phase that did not happen. */
export interface ConnectionTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
}

/**
 * Told which connection carries a request, right when undici writes the
 * request on it (and, over HTTP/2, the response's fields); `peer` is the
 * address it is connected to (null through a proxy).
 */
export interface ConnectionListener extends RawHeadersListener {
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
  requestStarting(listener: ConnectionListener, origin: string | undefined): void;
  /** With `--http2`: what holds requests to an origin back until its first connection knows its protocol. */
  probe: ProtocolProbe | undefined;
  close(): Promise<void>;
}

interface SendHeadersMessage {
  socket: Socket;
}

/**
 * Keep-alive Agents for the whole run, with our redirect handling (one for the
 * URLs the user named, one for each initiator space that restricts where a
 * page may lead, so that they share no connection), and the bookkeeping that
 * tells each request whether it opened its connection (and how long each phase
 * took) or reused a pooled one.
 */
export function createConnections(options: ConnectionOptions): Connections {
  const opened = new WeakMap<object, ConnectionTimings>();
  let starting: ConnectionListener | undefined;
  let startingOrigin: string | undefined;
  const h2Headers = new H2HeaderTap();

  const tlsOptions = {
    timeout: options.connectTimeoutMs,
    rejectUnauthorized: !options.insecure,
    // tls.connect() builds a context (the root certificates and all) for every
    // connection it is not given one: ~0.75 ms of CPU per handshake.
    secureContext: createSecureContext(),
    allowH2: options.http2,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  };
  // A connector's lookup is fixed when it is built, and undici does not tell it
  // which request a connection is for: hence one connector per initiator space.
  const connectFor = (initiator: CheckedSpace | null): ConnectorTypes.connector => {
    const tcp = buildConnector(
      initiator === null ? tlsOptions : { ...tlsOptions, lookup: guardLookup(initiator, options.lookup) },
    ) as unknown as SocketConnector;
    return timedConnector(options.http2 ? offerH2First(tcp, tlsOptions) : tcp, opened);
  };

  const proxied = usesProxy(options);
  // Through a proxy, undici's proxy agent makes the connections: no HTTP/2 there.
  const probe = options.http2 && !proxied ? new ProtocolProbe() : undefined;

  // Only this run's sockets are in `opened`, so requests of other undici users
  // are ignored; through a proxy, undici opens the sockets (phases unknown),
  // and the address a socket is connected to is the proxy's.
  const onSendHeaders = (message: unknown): void => {
    const { socket } = message as SendHeadersMessage;
    const listener = starting;
    const direct = opened.has(socket);
    if (listener === undefined || !(proxied || direct)) return;
    starting = undefined;
    if (startingOrigin !== undefined)
      probe?.settle(startingOrigin, (socket as Socket & { alpnProtocol?: string | false }).alpnProtocol === 'h2');
    const timings = opened.get(socket) ?? null;
    opened.set(socket, REUSED);
    listener.onConnection(timings === REUSED ? null : timings, socket, direct ? (socket.remoteAddress ?? null) : null);
    h2Headers.expect(socket, listener);
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
    // Chromium's limit for one response's header block; undici's 16 KiB and
    // our former 64 KiB refused pages that curl and browsers load.
    maxHeaderSize: 256 * 1024,
    allowH2: options.http2,
    ...(probe ? { factory: multiplexingPools(probe) } : {}),
  };
  // Through a proxy, https goes through a CONNECT tunnel (checked with `tlsOptions`);
  // plain http is forwarded in absolute form, as curl does, not tunnelled.
  // NO_PROXY applies to `--proxy` too, as in curl (and those hosts are connected
  // to directly, through `connect`).
  const proxy = options.proxy instanceof URL ? { httpProxy: options.proxy.href, httpsProxy: options.proxy.href } : {};
  const redirects = followRedirects(options.follow ? options.maxRedirects : 0);
  const dispatchers = new Map<CheckedSpace | null, Dispatcher>();

  // Made on first use: a run without pages never has more than the user's.
  const createDispatcher = (initiator: CheckedSpace | null): Dispatcher => {
    const connect = connectFor(initiator);
    const agent = proxied
      ? new (loadEnvHttpProxyAgent())({ ...agentOptions, connect, ...proxy, requestTls: tlsOptions, proxyTunnel: false })
      : new Agent({ ...agentOptions, connect });
    // The literal check and the request log sit inside the redirect handling, so they see every
    // hop; the log outside the check, so that a refused hop is logged as the request that failed.
    const log = tapExchanges();
    return initiator === null ? agent.compose(log, redirects) : agent.compose(refuseLiteralHosts(initiator), log, redirects);
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
    requestStarting(listener, origin) {
      starting = listener;
      startingOrigin = origin;
    },
    probe,
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
