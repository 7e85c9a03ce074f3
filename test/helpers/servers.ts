import { readFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startForwardProxy, type ForwardProxy } from './proxy.js';

export interface TestServer {
  /** `http://127.0.0.1:PORT` (or https). */
  origin: string;
  port: number;
  /** Requests being answered right now, and the most at once so far. */
  inFlight: { current: number; peak: number };
  /** Every request line seen, with its headers (http/https servers only). */
  requests: { url: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const fixtures = new URL('../fixtures/', import.meta.url);
export const testCertificate = {
  key: readFileSync(new URL('key.pem', fixtures)),
  cert: readFileSync(new URL('cert.pem', fixtures)),
};

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** Closes a server once its connections are gone (drop them first). */
export async function closeServer(server: net.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
}

interface RequestLike {
  url?: string;
  headers: http.IncomingHttpHeaders;
}

interface ResponseLike {
  once(event: 'close', listener: () => void): unknown;
}

// Counts the requests of an http, https or http2 server before `handle` answers them.
async function serveRequests(
  server: net.Server,
  scheme: string,
  handle: (request: RequestLike, response: ResponseLike) => void,
  dropConnections: () => void,
): Promise<TestServer> {
  const inFlight = { current: 0, peak: 0 };
  const requests: TestServer['requests'] = [];
  server.on('request', (request: RequestLike, response: ResponseLike) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    inFlight.current++;
    inFlight.peak = Math.max(inFlight.peak, inFlight.current);
    response.once('close', () => inFlight.current--);
    handle(request, response);
  });
  const port = await listen(server);
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    inFlight,
    requests,
    close: async () => {
      dropConnections();
      await closeServer(server);
    },
  };
}

function serveHttp(server: http.Server, scheme: string, handler: Handler): Promise<TestServer> {
  server.keepAliveTimeout = 5000;
  const handle = handler as (request: RequestLike, response: ResponseLike) => void;
  return serveRequests(server, scheme, handle, () => {
    server.closeAllConnections();
  });
}

/** A node:http server on 127.0.0.1 and a free port. */
export function startHttpServer(handler: Handler): Promise<TestServer> {
  return serveHttp(http.createServer(), 'http', handler);
}

/** A node:https server with the test certificate (self-signed, for localhost and 127.0.0.1). */
export function startHttpsServer(handler: Handler): Promise<TestServer> {
  return serveHttp(https.createServer(testCertificate), 'https', handler);
}

export type Http2Handler = (request: http2.Http2ServerRequest, response: http2.Http2ServerResponse) => void;

/**
 * A node:http2 secure server with the test certificate; it speaks HTTP/1.1 too,
 * to clients that do not offer h2 (`options` add to or replace these).
 */
export function startHttp2Server(handler: Http2Handler, options: http2.SecureServerOptions = {}): Promise<TestServer> {
  const sessions = new Set<http2.ServerHttp2Session>();
  const server = http2.createSecureServer({ ...testCertificate, allowHTTP1: true, ...options });
  server.on('session', (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  const handle = handler as (request: RequestLike, response: ResponseLike) => void;
  return serveRequests(server, 'https', handle, () => {
    for (const session of sessions) session.destroy();
  });
}

export interface RawServerOptions {
  /** Call `onSocket` only after the connection's first data (default true). */
  waitForRequest?: boolean;
}

/**
 * A raw TCP server for misbehaving peers: `onSocket` gets each connection,
 * after its first data when `waitForRequest` (the default) is set.
 */
export async function startRawServer(
  onSocket: (socket: net.Socket, request: string) => void,
  { waitForRequest = true }: RawServerOptions = {},
): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const inFlight = { current: 0, peak: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    if (!waitForRequest) {
      onSocket(socket, '');
      return;
    }
    socket.once('data', (data) => {
      onSocket(socket, data.toString('latin1'));
    });
  });
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    inFlight,
    requests: [],
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}

/**
 * Servers for the tests of one file (or describe block): every server started
 * through it is closed after each test, whether the test passed or not.
 */
export function useServers(): {
  http(handler: Handler): Promise<TestServer>;
  https(handler: Handler): Promise<TestServer>;
  raw(onSocket: (socket: net.Socket, request: string) => void, options?: RawServerOptions): Promise<TestServer>;
  http2(handler: Http2Handler, options?: http2.SecureServerOptions): Promise<TestServer>;
  proxy(): Promise<ForwardProxy>;
} {
  const servers: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const track = async <S extends { close(): Promise<void> }>(starting: Promise<S>): Promise<S> => {
    const server = await starting;
    servers.push(server);
    return server;
  };
  return {
    http: (handler) => track(startHttpServer(handler)),
    https: (handler) => track(startHttpsServer(handler)),
    raw: (onSocket, options) => track(startRawServer(onSocket, options)),
    http2: (handler, options) => track(startHttp2Server(handler, options)),
    proxy: () => track(startForwardProxy()),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await closeServer(server);
  return port;
}
