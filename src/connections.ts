import diagnosticsChannel from 'node:diagnostics_channel';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent, buildConnector, interceptors, type Dispatcher } from 'undici';
import type { ResolvedOptions } from './options.js';
import { roundMs } from './record.js';

/** How long it took to open a connection, phase by phase (ms); null for a phase that did not happen. */
export interface ConnectionTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
}

/** Told which connection carries a request, right when undici writes the request on it. */
export interface ConnectionListener {
  onConnection(timings: ConnectionTimings | null, socket: Socket): void;
}

export interface Connections {
  dispatcher: Dispatcher;
  /** Call from `onRequestStart`: the request is written on a socket right after it, in the same tick. */
  requestStarting(listener: ConnectionListener): void;
  close(): Promise<void>;
}

interface SendHeadersMessage {
  socket: Socket;
}

/**
 * One keep-alive Agent for the whole run, with undici's redirect interceptor,
 * and the bookkeeping that tells each request whether it opened its connection
 * (and how long each phase took) or reused a pooled one.
 */
export function createConnections(options: ResolvedOptions): Connections {
  const opened = new WeakMap<object, ConnectionTimings>();
  let starting: ConnectionListener | undefined;

  const connector = buildConnector({
    timeout: options.connectTimeoutMs,
    rejectUnauthorized: !options.insecure,
    ...(options.lookup ? { lookup: options.lookup } : {}),
  });

  const connect: buildConnector.connector = (connectOptions, callback) => {
    const start = performance.now();
    let lookedUp: number | undefined;
    let connected: number | undefined;
    const socket = (connector as unknown as (...args: Parameters<buildConnector.connector>) => Socket)(
      connectOptions,
      (...args) => {
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
      },
    );
    socket.once('lookup', () => (lookedUp = performance.now()));
    socket.once('connect', () => (connected = performance.now()));
  };

  // Only this run's sockets are in `opened`, so requests of other undici users are ignored.
  const onSendHeaders = (message: unknown): void => {
    const { socket } = message as SendHeadersMessage;
    const listener = starting;
    if (listener === undefined || !opened.has(socket)) return;
    starting = undefined;
    const timings = opened.get(socket) ?? null;
    opened.set(socket, REUSED);
    listener.onConnection(timings === REUSED ? null : timings, socket);
  };
  diagnosticsChannel.subscribe('undici:client:sendHeaders', onSendHeaders);

  const agent = new Agent({
    connect,
    // A request dispatched while its origin's last connection is finishing a
    // response would otherwise open another one: with at most `concurrency`
    // per origin it waits a tick and reuses the idle connection instead.
    connections: options.concurrency,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    maxHeaderSize: 64 * 1024,
  });

  return {
    dispatcher: agent.compose(interceptors.redirect({ maxRedirections: options.follow ? options.maxRedirects : 0 })),
    requestStarting(listener) {
      starting = listener;
    },
    async close() {
      diagnosticsChannel.unsubscribe('undici:client:sendHeaders', onSendHeaders);
      await agent.destroy();
    },
  };
}

const REUSED: ConnectionTimings = Object.freeze({ dns: null, connect: null, tls: null });
