import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { closeServer } from './servers.js';

export interface ForwardProxy {
  origin: string;
  /** Absolute-form request targets it forwarded (plain http). */
  forwarded: string[];
  /** CONNECT targets it tunnelled (`host:port`). */
  tunnels: string[];
  /** The Proxy-Authorization header of each request or CONNECT, if any. */
  credentials: (string | undefined)[];
  close(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', 'localhost']);

/**
 * A forward proxy on 127.0.0.1 that counts what passes through it: plain http
 * requests in absolute form and CONNECT tunnels. It refuses any target off
 * loopback with 403, so no test can reach further through it.
 */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const credentials: (string | undefined)[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://invalid');
    if (!loopback.has(target.hostname)) {
      response.writeHead(403).end();
      return;
    }
    forwarded.push(target.href);
    credentials.push(request.headers['proxy-authorization']);
    // The proxy's own headers end here, as at any proxy.
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request(target, { method: request.method, headers, agent: false }, (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.rawHeaders);
      reply.pipe(response);
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = new URL(`http://${request.url ?? ''}`);
    client.on('error', () => undefined);
    if (!loopback.has(target.hostname)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    tunnels.push(request.url ?? '');
    credentials.push(request.headers['proxy-authorization']);
    const upstream = net.connect(Number(target.port), target.hostname, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => {
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    forwarded,
    tunnels,
    credentials,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await closeServer(server);
    },
  };
}
