import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

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

async function serveHttp(server: http.Server, scheme: string, handler: Handler): Promise<TestServer> {
  const inFlight = { current: 0, peak: 0 };
  const requests: TestServer['requests'] = [];
  server.keepAliveTimeout = 5000;
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    requests.push({ url: request.url ?? '', headers: request.headers });
    inFlight.current++;
    inFlight.peak = Math.max(inFlight.peak, inFlight.current);
    response.once('close', () => inFlight.current--);
    handler(request, response);
  });
  const port = await listen(server);
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    port,
    inFlight,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

/** A node:http server on 127.0.0.1 and a free port. */
export function startHttpServer(handler: Handler): Promise<TestServer> {
  return serveHttp(http.createServer(), 'http', handler);
}

/** A node:https server with the test certificate (self-signed, for localhost and 127.0.0.1). */
export function startHttpsServer(handler: Handler): Promise<TestServer> {
  return serveHttp(https.createServer(testCertificate), 'https', handler);
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
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
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
} {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const track = async (starting: Promise<TestServer>): Promise<TestServer> => {
    const server = await starting;
    servers.push(server);
    return server;
  };
  return {
    http: (handler) => track(startHttpServer(handler)),
    https: (handler) => track(startHttpsServer(handler)),
    raw: (onSocket, options) => track(startRawServer(onSocket, options)),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound once, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
  return port;
}
