import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toErrorCode } from '../../src/fetch/error-codes.js';
import type { ErrorCode, SizeRecord } from '../../src/index.js';
import { collect, measureOne } from '../helpers/run.js';
import { closedPort, useServers, type Handler } from '../helpers/servers.js';

const serve = useServers();

/** Holds the request open: the server never answers (closing the server ends it). */
const neverAnswer: Handler = () => undefined;

function expectError(record: SizeRecord, code: ErrorCode): void {
  expect(record.error?.code).toBe(code);
  const message = record.error?.message ?? '';
  expect(message).not.toBe('');
  expect(message).not.toMatch(/[\r\n]/);
}

/** Settles with `promise`, or rejects once `ms` have passed, so a wait can never hang a test. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: not within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

// A response head that promises 1000 bytes of body.
const head1000 = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n';

describe('error codes', () => {
  it('INVALID_URL for a line that is not a URL, never fetched', async () => {
    const record = await measureOne('http://[oops/');
    expectError(record, 'INVALID_URL');
    expect(record).toMatchObject({ url: 'http://[oops/', attempts: 0, status: null, finalUrl: null });
  });

  it('UNSUPPORTED_PROTOCOL for another scheme, never fetched', async () => {
    const records = await collect(['ftp://127.0.0.1/file', 'file:///etc/hostname']);
    for (const record of records) {
      expectError(record, 'UNSUPPORTED_PROTOCOL');
      expect(record).toMatchObject({ attempts: 0, status: null, bytes: null });
    }
  });

  it('CONNECT_REFUSED when nothing listens', async () => {
    const port = await closedPort();
    const record = await measureOne(`http://127.0.0.1:${port}/`);
    expectError(record, 'CONNECT_REFUSED');
    expect(record).toMatchObject({ attempts: 1, status: null, bytes: null, finalUrl: null });
  });

  it('CONNECT_TIMEOUT when the TLS handshake never completes', async () => {
    // Accepts TCP and stays silent, so the connection is never usable.
    const server = await serve.raw(() => undefined, { waitForRequest: false });
    const record = await measureOne(`https://127.0.0.1:${server.port}/`, { connectTimeout: 0.3, timeout: 5 });
    expectError(record, 'CONNECT_TIMEOUT');
    expect(record.timings.total).toBeLessThan(5000);
  });

  it('CONNECT_TIMEOUT when the TLS handshake never completes, with http2 too', async () => {
    const server = await serve.raw(() => undefined, { waitForRequest: false });
    const record = await measureOne(`https://127.0.0.1:${server.port}/`, { connectTimeout: 0.3, timeout: 5, http2: true });
    expectError(record, 'CONNECT_TIMEOUT');
    expect(record.timings.total).toBeLessThan(5000);
  });

  it('TIMEOUT when the headers never come', async () => {
    const server = await serve.http(neverAnswer);
    const record = await measureOne(`${server.origin}/`, { timeout: 0.3 });
    expectError(record, 'TIMEOUT');
    expect(record.status).toBeNull();
  });

  it('TIMEOUT when the body never finishes', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(200, { 'content-length': 1000 });
      response.write('x'.repeat(10));
    });
    const record = await measureOne(`${server.origin}/`, { timeout: 0.3 });
    expectError(record, 'TIMEOUT');
    expect(record.status).toBe(200);
  });

  it('RESET when the connection is destroyed mid-body', async () => {
    const server = await serve.raw((socket) => {
      socket.write(`${head1000}${'x'.repeat(10)}`, () => {
        socket.destroy();
      });
    });
    expectError(await measureOne(`${server.origin}/`), 'RESET');
  });

  it('RESET when the server ends the connection short of Content-Length', async () => {
    const server = await serve.raw((socket) => {
      socket.end(`${head1000}${'x'.repeat(10)}`);
    });
    expectError(await measureOne(`${server.origin}/`), 'RESET');
  });

  it('RESET when the connection is closed before any response', async () => {
    const server = await serve.raw((socket) => {
      socket.destroy();
    });
    const record = await measureOne(`${server.origin}/`);
    expectError(record, 'RESET');
    expect(record.status).toBeNull();
  });

  it('TLS when the certificate is not trusted', async () => {
    const server = await serve.https((_request, response) => {
      response.end('secret');
    });
    const record = await measureOne(`${server.origin}/`);
    expectError(record, 'TLS');
    expect(server.requests).toHaveLength(0);
  });

  it('TOO_MANY_REDIRECTS for a redirect loop', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(302, { location: '/a' });
      response.end();
    });
    const record = await measureOne(`${server.origin}/a`);
    expectError(record, 'TOO_MANY_REDIRECTS');
    expect(server.requests.length).toBeLessThanOrEqual(11);
  });

  it('TOO_MANY_REDIRECTS for a chain longer than maxRedirects', async () => {
    // /r/N redirects to /r/N+1, forever.
    const server = await serve.http((request, response) => {
      const hop = Number(/^\/r\/(\d+)$/.exec(request.url ?? '')?.[1] ?? 0);
      response.writeHead(302, { location: `/r/${hop + 1}` });
      response.end();
    });
    const record = await measureOne(`${server.origin}/r/0`, { maxRedirects: 3 });
    expectError(record, 'TOO_MANY_REDIRECTS');
    expect(server.requests.map((request) => request.url)).toEqual(['/r/0', '/r/1', '/r/2', '/r/3']);
  });

  it('PROTOCOL when the reply is not HTTP', async () => {
    const server = await serve.raw((socket) => {
      socket.write('hello\r\n\r\n');
    });
    expectError(await measureOne(`${server.origin}/`), 'PROTOCOL');
  });

  it('DECODE when a gzip body is not gzip', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'gzip' });
      response.end('this is plain text, not gzip');
    });
    const record = await measureOne(`${server.origin}/`);
    expectError(record, 'DECODE');
    expect(record.status).toBe(200);
  });

  it('DECODE for a coding it cannot decode', async () => {
    const server = await serve.http((_request, response) => {
      response.writeHead(200, { 'content-encoding': 'zstd' });
      response.end('not really zstd either');
    });
    expectError(await measureOne(`${server.origin}/`), 'DECODE');
  });

  it('ABORTED when the run is aborted with a request in flight, and the run ends promptly', async () => {
    let requestArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const server = await serve.http(() => {
      requestArrived();
    });
    const controller = new AbortController();
    const run = collect([`${server.origin}/slow`, `${server.origin}/next`], { concurrency: 1, timeout: 10, signal: controller.signal });
    await within(arrived, 5000, 'the request reaching the server');
    controller.abort();
    const records = await within(run, 5000, 'the run ending after abort');
    expect(records).toHaveLength(1);
    expectError(records[0] as SizeRecord, 'ABORTED');
    expect(records[0]?.timings.total).toBeLessThan(5000);
    expect(server.requests.map((request) => request.url)).toEqual(['/slow']);
  });

  it('DNS when the host name does not resolve', async () => {
    const lookup: LookupFunction = (hostname, _options, callback) => {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
      error.code = 'ENOTFOUND';
      process.nextTick(callback, error, '', 4);
    };
    const record = await measureOne('http://no-such-host.sitesize.test/', { lookup });
    expectError(record, 'DNS');
    expect(record).toMatchObject({ attempts: 1, status: null });
  });
});

describe('toErrorCode', () => {
  const withCode = (code: string): Error => Object.assign(new Error(`failed with ${code}`), { code });

  it.each<[string, ErrorCode]>([
    ['UND_ERR_SOCKET', 'RESET'],
    ['ECONNRESET', 'RESET'],
    ['HPE_INVALID_CONSTANT', 'PROTOCOL'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS'],
    ['ECONNREFUSED', 'CONNECT_REFUSED'],
    ['UND_ERR_CONNECT_TIMEOUT', 'CONNECT_TIMEOUT'],
    ['UND_ERR_HEADERS_TIMEOUT', 'TIMEOUT'],
    ['ENOTFOUND', 'DNS'],
    ['Z_DATA_ERROR', 'DECODE'],
  ])('maps %s to %s', (code, expected) => {
    expect(toErrorCode(withCode(code))).toBe(expected);
  });

  it('reads the code of the cause when the error itself has none', () => {
    expect(toErrorCode(new Error('fetch failed', { cause: withCode('ECONNREFUSED') }))).toBe('CONNECT_REFUSED');
  });
});
