import type { LookupAddress, LookupOptions } from 'node:dns';
import type http from 'node:http';
import type { LookupFunction, Socket } from 'node:net';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { SizeRecord } from '../../src/index.js';
import { version } from '../../src/version.js';
import { collect, measureOne, recordKeys, timingKeys } from '../helpers/run.js';
import { closedPort, useServers, type Handler, type TestServer } from '../helpers/servers.js';

const serve = useServers();

/** A page of `size` bytes of text that compresses, but not to nothing. */
function page(size: number): Buffer {
  let text = '';
  for (let line = 0; text.length < size; line++) text += `<p>line ${line} of the test page, ${(line * 7919) % 1000}</p>\n`;
  return Buffer.from(text.slice(0, size));
}

/** Answers every request with `body` as it is, with a Content-Length. */
function sendBody(body: Buffer, headers: http.OutgoingHttpHeaders = {}): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': body.length, ...headers });
    response.end(body);
  };
}

/** Resolves the made-up names of `hosts` (no others) without asking any resolver, like dns.lookup. */
function fakeLookup(hosts: Record<string, string>): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    const address = hosts[hostname];
    if (address === undefined) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      process.nextTick(callback, error, '', 4);
      return;
    }
    // net asks for every address (all: true) when it may try several families.
    const all: LookupAddress[] = [{ address, family: 4 }];
    if (options.all === true) process.nextTick(callback, null, all);
    else process.nextTick(callback, null, address, 4);
  };
}

function header(server: TestServer, name: string, request = 0): string | string[] | undefined {
  return server.requests[request]?.headers[name];
}

function expectShape(record: SizeRecord): void {
  expect(Object.keys(record)).toEqual(recordKeys);
  expect(Object.keys(record.timings)).toEqual(timingKeys);
  expect(typeof record.timings.total).toBe('number');
  if (record.error !== null) expect(Object.keys(record.error)).toEqual(['code', 'message']);
}

describe('plain bodies', () => {
  // One uncompressed HTTP/1.1 fetch: no redirect, no retry, not cut short, no error.
  const plainFetch = { contentEncoding: null, httpVersion: '1.1', redirects: 0, attempts: 1, truncated: false, error: null };

  it('measures an identity body with Content-Length', async () => {
    const body = page(5000);
    const server = await serve.http(sendBody(body));
    const record = await measureOne(`${server.origin}/page`);
    expect(record).toMatchObject({
      url: `${server.origin}/page`,
      index: 0,
      finalUrl: `${server.origin}/page`,
      status: 200,
      bytes: body.length,
      encodedBytes: body.length,
      contentType: 'text/html',
      ...plainFetch,
    });
  });

  it('measures a chunked body without counting the chunk framing', async () => {
    const parts = [page(1000), page(3000), page(17)];
    const server = await serve.http((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      for (const part of parts) response.write(part);
      response.end();
    });
    const record = await measureOne(`${server.origin}/chunked`);
    expect(record).toMatchObject({
      finalUrl: `${server.origin}/chunked`,
      status: 200,
      bytes: 4017,
      encodedBytes: 4017,
      contentType: 'text/plain',
      ...plainFetch,
    });
  });

  it('measures 4xx and 5xx pages as responses, not errors', async () => {
    const server = await serve.http((request, response) => {
      const status = request.url === '/missing' ? 404 : 503;
      response.writeHead(status, { 'content-type': 'text/html' });
      response.end(page(status));
    });
    const [missing, down] = await collect([`${server.origin}/missing`, `${server.origin}/down`]);
    expect(missing).toMatchObject({ status: 404, bytes: 404, encodedBytes: 404, error: null });
    expect(down).toMatchObject({ status: 503, bytes: 503, encodedBytes: 503, error: null });
  });
});

describe('content codings', () => {
  const body = page(64 * 1024);
  const encoded: Record<string, Buffer> = {
    gzip: zlib.gzipSync(body),
    'x-gzip': zlib.gzipSync(body),
    deflate: zlib.deflateSync(body),
    'raw deflate': zlib.deflateRawSync(body),
    br: zlib.brotliCompressSync(body),
    // gzip applied first, then br: the header lists them in that order.
    'gzip, br': zlib.brotliCompressSync(zlib.gzipSync(body)),
  };
  const headerValue = (name: string): string => (name === 'raw deflate' ? 'deflate' : name);

  it.each(Object.keys(encoded))('decodes %s: bytes is the decoded size, encodedBytes the size on the wire', async (name) => {
    const wire = encoded[name] as Buffer;
    expect(wire.length).toBeLessThan(body.length);
    const server = await serve.http(sendBody(wire, { 'content-encoding': headerValue(name) }));
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({
      status: 200,
      bytes: body.length,
      encodedBytes: wire.length,
      contentEncoding: headerValue(name),
      truncated: false,
      error: null,
    });
  });

  // The zlib header is two bytes; TCP may deliver the body one byte at first.
  it('decodes zlib-wrapped deflate whose first chunk is a single byte', async () => {
    const wire = encoded.deflate as Buffer;
    const server = await serve.http((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'deflate' });
      response.write(wire.subarray(0, 1), () => {
        setTimeout(() => response.end(wire.subarray(1)), 50);
      });
    });
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ bytes: body.length, encodedBytes: wire.length, error: null });
  });

  // A server that compresses only when asked, like most do.
  const negotiating: Handler = (request, response) => {
    const accepted = request.headers['accept-encoding'] ?? '';
    if (accepted.includes('gzip')) sendBody(encoded.gzip as Buffer, { 'content-encoding': 'gzip' })(request, response);
    else sendBody(body)(request, response);
  };

  it('asks for gzip, deflate and br by default', async () => {
    const server = await serve.http(negotiating);
    const record = await measureOne(`${server.origin}/`);
    expect(header(server, 'accept-encoding')).toBe('gzip, deflate, br');
    expect(record).toMatchObject({ bytes: body.length, encodedBytes: encoded.gzip?.length, contentEncoding: 'gzip' });
  });

  it('sends no Accept-Encoding with compression: false, so bytes equals encodedBytes', async () => {
    const server = await serve.http(negotiating);
    const record = await measureOne(`${server.origin}/`, { compression: false });
    expect(header(server, 'accept-encoding')).toBeUndefined();
    expect(record).toMatchObject({ bytes: body.length, encodedBytes: body.length, contentEncoding: null, error: null });
  });
});

describe('headerBytes', () => {
  it('is the byte length of the status line and header block, blank line included', async () => {
    const head = 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: b\r\n\r\n';
    const server = await serve.raw((socket) => {
      socket.write(`${head}hello`);
    });
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ status: 200, bytes: 5, error: null });
    expect(record.headerBytes).toBe(Buffer.byteLength(head));
  });
});

describe('redirects', () => {
  // /hop/N redirects to /hop/N-1; /hop/0 is the page.
  const hops: Handler = (request, response) => {
    const left = Number(/^\/hop\/(\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
    if (left > 0) {
      response.writeHead(302, { location: `/hop/${left - 1}`, 'content-type': 'text/html' });
      response.end(page(999));
      return;
    }
    sendBody(page(1234))(request, response);
  };

  it('follows a chain of 302s and measures the final body only', async () => {
    const server = await serve.http(hops);
    const record = await measureOne(`${server.origin}/hop/2`);
    expect(record).toMatchObject({
      url: `${server.origin}/hop/2`,
      finalUrl: `${server.origin}/hop/0`,
      status: 200,
      redirects: 2,
      bytes: 1234,
      encodedBytes: 1234,
      error: null,
    });
    expect(server.requests.map((request) => request.url)).toEqual(['/hop/2', '/hop/1', '/hop/0']);
  });

  it('measures the 302 itself with follow: false', async () => {
    const server = await serve.http(hops);
    const record = await measureOne(`${server.origin}/hop/2`, { follow: false });
    expect(record).toMatchObject({ finalUrl: `${server.origin}/hop/2`, status: 302, redirects: 0, bytes: 999, error: null });
    expect(server.requests).toHaveLength(1);
  });

  it('fails with TOO_MANY_REDIRECTS past maxRedirects', async () => {
    const server = await serve.http(hops);
    const record = await measureOne(`${server.origin}/hop/2`, { maxRedirects: 1 });
    expect(record.error?.code).toBe('TOO_MANY_REDIRECTS');
  });

  it('follows a redirect to another origin', async () => {
    const target = await serve.http(sendBody(page(321)));
    const start = await serve.http((_request, response) => {
      response.writeHead(301, { location: `${target.origin}/landing` });
      response.end();
    });
    const record = await measureOne(`${start.origin}/`);
    expect(record).toMatchObject({ finalUrl: `${target.origin}/landing`, status: 200, redirects: 1, bytes: 321, error: null });
  });
});

describe('maxSize', () => {
  it('stops reading after maxSize bytes: truncated, not an error', async () => {
    const server = await serve.http(sendBody(page(100 * 1024)));
    const record = await measureOne(`${server.origin}/`, { maxSize: 10 * 1024 });
    expect(record).toMatchObject({ status: 200, bytes: 10 * 1024, truncated: true, error: null });
  });

  it('caps the decoded bytes of a gzip body', async () => {
    const body = zlib.gzipSync(page(100 * 1024));
    const server = await serve.http(sendBody(body, { 'content-encoding': 'gzip' }));
    const record = await measureOne(`${server.origin}/`, { maxSize: 10 * 1024 });
    expect(record).toMatchObject({ status: 200, bytes: 10 * 1024, truncated: true, error: null });
    expect(record.encodedBytes).toBeLessThanOrEqual(body.length);
  });

  it('does not truncate a body of exactly maxSize', async () => {
    const server = await serve.http(sendBody(page(10 * 1024)));
    const record = await measureOne(`${server.origin}/`, { maxSize: 10 * 1024 });
    expect(record).toMatchObject({ bytes: 10 * 1024, encodedBytes: 10 * 1024, truncated: false, error: null });
  });
});

describe('timings', () => {
  it('over http to an IP literal: no dns, no tls, a connect time and a ttfb within total', async () => {
    const server = await serve.http(sendBody(page(100)));
    const { timings } = await measureOne(`${server.origin}/`);
    expect(timings.dns).toBeNull();
    expect(timings.tls).toBeNull();
    expect(timings.connect).toEqual(expect.any(Number));
    expect(timings.ttfb).toEqual(expect.any(Number));
    expect(timings.ttfb).toBeLessThanOrEqual(timings.total);
  });

  it('over https: a tls time', async () => {
    const server = await serve.https(sendBody(page(100)));
    const record = await measureOne(`${server.origin}/`, { insecure: true });
    expect(record).toMatchObject({ status: 200, bytes: 100, error: null });
    expect(record.timings.dns).toBeNull();
    expect(record.timings.connect).toEqual(expect.any(Number));
    expect(record.timings.tls).toEqual(expect.any(Number));
  });

  it('a reused connection has no dns, connect or tls time, and the server sees one connection', async () => {
    const sockets = new Set<Socket>();
    const server = await serve.https((request, response) => {
      sockets.add(request.socket);
      sendBody(page(100))(request, response);
    });
    const [first, second] = await collect([`${server.origin}/1`, `${server.origin}/2`], { concurrency: 1, insecure: true });
    expect(first?.timings.connect).toEqual(expect.any(Number));
    expect(first?.timings.tls).toEqual(expect.any(Number));
    expect(second?.error).toBeNull();
    expect(second?.timings).toMatchObject({ dns: null, connect: null, tls: null });
    expect(sockets.size).toBe(1);
  });

  it('times the lookup of a host name', async () => {
    const server = await serve.http(sendBody(page(100)));
    const url = `http://sitesize.test:${server.port}/`;
    const record = await measureOne(url, { lookup: fakeLookup({ 'sitesize.test': '127.0.0.1' }) });
    expect(record).toMatchObject({ url, finalUrl: url, status: 200, error: null });
    expect(header(server, 'host')).toBe(`sitesize.test:${server.port}`);
    expect(record.timings.dns).toEqual(expect.any(Number));
    expect(record.timings.connect).toEqual(expect.any(Number));
  });
});

describe('request', () => {
  it('sends user:password as Basic auth and never shows the password', async () => {
    const server = await serve.http(sendBody(page(10)));
    const record = await measureOne(`http://user:pa%3Ass@127.0.0.1:${server.port}/`);
    expect(header(server, 'authorization')).toBe(`Basic ${Buffer.from('user:pa:ss').toString('base64')}`);
    expect(record.url).toBe(`http://user:***@127.0.0.1:${server.port}/`);
    expect(record.finalUrl).toBe(`http://127.0.0.1:${server.port}/`);
    expect(JSON.stringify(record)).not.toContain('pa%3Ass');
  });

  it('sends User-Agent sitesize/<version> by default', async () => {
    const server = await serve.http(sendBody(page(10)));
    await measureOne(`${server.origin}/`);
    expect(header(server, 'user-agent')).toBe(`sitesize/${version}`);
  });

  it('sends the userAgent option instead', async () => {
    const server = await serve.http(sendBody(page(10)));
    await measureOne(`${server.origin}/`, { userAgent: 'probe/2' });
    expect(header(server, 'user-agent')).toBe('probe/2');
  });

  it('sends extra headers, and an empty value removes a default one', async () => {
    const server = await serve.http(sendBody(page(10)));
    await measureOne(`${server.origin}/`, { headers: { 'x-token': 'a', 'accept-encoding': '' } });
    expect(header(server, 'x-token')).toBe('a');
    expect(header(server, 'accept-encoding')).toBeUndefined();
    expect(header(server, 'user-agent')).toBe(`sitesize/${version}`);
  });
});

describe('input lines', () => {
  it('skips blank lines and comments, trims, and counts only URLs in index', async () => {
    const server = await serve.http(sendBody(page(10)));
    const records = await collect(['', '# a comment', `  ${server.origin}/a  `, '   ', '\t# indented comment', `${server.origin}/b\r`]);
    expect(records.map(({ url, index, status }) => ({ url, index, status }))).toEqual([
      { url: `${server.origin}/a`, index: 0, status: 200 },
      { url: `${server.origin}/b`, index: 1, status: 200 },
    ]);
    expect(server.requests.map((request) => request.url).sort()).toEqual(['/a', '/b']);
  });
});

describe('record shape', () => {
  it("has exactly the SPEC's keys in the SPEC's order, on success and on failure", async () => {
    const server = await serve.http(sendBody(page(10)));
    const refused = await closedPort();
    const records = await collect([`${server.origin}/`, `http://127.0.0.1:${refused}/`, 'http://[oops/']);
    expect(records.map((record) => record.error?.code ?? null)).toEqual([null, 'CONNECT_REFUSED', 'INVALID_URL']);
    for (const record of records) expectShape(record);
  });
});
