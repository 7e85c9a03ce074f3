import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type net from 'node:net';
import type { RawServerOptions, TestServer } from './servers.js';

/** One canned response; `headers` are sent as given, then Content-Length (unless `hang`). */
export interface Served {
  status?: number;
  reason?: string;
  headers?: [string, string][];
  body?: string | Buffer;
  /** Send the status line and headers, then nothing more, ever. */
  hang?: boolean;
  /** Write the body in pieces from this generator instead (chunked), for bodies too big to hold. */
  stream?: () => Iterable<Buffer>;
}

export interface SiteRequest {
  path: string;
  headers: Record<string, string>;
}

/** A site on a raw TCP server, so that every byte of every response is known to the test. */
export interface Site {
  origin: string;
  port: number;
  requests: SiteRequest[];
  /** How often `path` was asked for. */
  hits(path: string): number;
  /** The header block's bytes of the response to `path` (status line to the blank line). */
  headerBytes(path: string): number;
  /** The body's bytes of the response to `path`. */
  bodyBytes(path: string): number;
  /** What `path` costs on the wire: header block + body. */
  transfer(...paths: string[]): number;
}

interface RawServers {
  raw(onSocket: (socket: net.Socket, request: string) => void, options?: RawServerOptions): Promise<TestServer>;
}

const notFound: Served = { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain']], body: 'not found' };

function head(page: Served, length: number | undefined): string {
  const lines = [
    `HTTP/1.1 ${page.status ?? 200} ${page.reason ?? 'OK'}`,
    ...(page.headers ?? []).map(([name, value]) => `${name}: ${value}`),
  ];
  if (page.stream) lines.push('Transfer-Encoding: chunked');
  else if (length !== undefined) lines.push(`Content-Length: ${length}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function bodyOf(page: Served): Buffer {
  return Buffer.isBuffer(page.body) ? page.body : Buffer.from(page.body ?? '');
}

function parseRequest(text: string): SiteRequest {
  const [requestLine = '', ...lines] = text.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { path: requestLine.split(' ')[1] ?? '', headers };
}

/** Serves `served` by path (anything else is a 404) on keep-alive connections; `onRequest` sees each request first. */
export async function startSite(
  servers: RawServers,
  served: Record<string, Served>,
  onRequest?: (request: SiteRequest) => void,
): Promise<Site> {
  const requests: SiteRequest[] = [];
  const pageOf = (path: string): Served => served[path] ?? notFound;
  const answer = (socket: net.Socket, request: SiteRequest): void => {
    const page = pageOf(request.path);
    if (page.hang) {
      socket.write(head(page, undefined));
      return;
    }
    if (page.stream) {
      socket.write(head(page, undefined));
      for (const chunk of page.stream()) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString('latin1')}\r\n`, 'latin1');
      socket.write('0\r\n\r\n');
      return;
    }
    const body = bodyOf(page);
    socket.write(Buffer.concat([Buffer.from(head(page, body.length)), body]));
  };
  const server = await servers.raw(
    (socket) => {
      let buffered = '';
      socket.on('data', (data: Buffer) => {
        buffered += data.toString('latin1');
        for (let end = buffered.indexOf('\r\n\r\n'); end !== -1; end = buffered.indexOf('\r\n\r\n')) {
          const request = parseRequest(buffered.slice(0, end));
          buffered = buffered.slice(end + 4);
          requests.push(request);
          onRequest?.(request);
          answer(socket, request);
        }
      });
    },
    { waitForRequest: false },
  );
  const site: Site = {
    origin: server.origin,
    port: server.port,
    requests,
    hits: (path) => requests.filter((request) => request.path === path).length,
    headerBytes: (path) => Buffer.byteLength(head(pageOf(path), bodyOf(pageOf(path)).length)),
    bodyBytes: (path) => bodyOf(pageOf(path)).length,
    transfer: (...paths) => paths.reduce((sum, path) => sum + site.headerBytes(path) + site.bodyBytes(path), 0),
  };
  return site;
}

/** An HTML page. */
export function html(body: string, headers: [string, string][] = []): Served {
  return { headers: [['Content-Type', 'text/html; charset=utf-8'], ...headers], body };
}

/** A response of `type` with this body. */
export function typed(type: string, body: string | Buffer): Served {
  return { headers: [['Content-Type', type]], body };
}

/** Resolves every name to 127.0.0.1 without asking any resolver, like dns.lookup: made-up hosts for one loopback server. */
export const loopbackLookup: LookupFunction = (_hostname: string, options: LookupOptions, callback) => {
  const all: LookupAddress[] = [{ address: '127.0.0.1', family: 4 }];
  if (options.all === true) process.nextTick(callback, null, all);
  else process.nextTick(callback, null, '127.0.0.1', 4);
};
