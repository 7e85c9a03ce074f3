import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collect, measureOne, parseLines, runCli } from '../helpers/run.js';
import { useServers, type Http2Handler } from '../helpers/servers.js';

const serve = useServers();

const body = 'x'.repeat(100_000);
const gzipped = gzipSync(body);

const page: Http2Handler = (request, response) => {
  if (request.url === '/gzip') {
    response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    response.end(gzipped);
    return;
  }
  if (request.url === '/hang') return;
  if (request.url === '/stall') {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.write('partial');
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html', 'x-served-by': 'h2' });
  response.end(body);
};

describe('--http2', () => {
  it('agrees on h2 through ALPN and reports "2" with the sizes and timings of the stream', async () => {
    const server = await serve.http2(page);
    const record = await measureOne(`${server.origin}/`, { http2: true, insecure: true });
    expect(record).toMatchObject({ status: 200, httpVersion: '2', bytes: body.length, encodedBytes: body.length, error: null });
    expect(record.timings.tls).not.toBeNull();
    expect(record.timings.connect).not.toBeNull();
    expect(record.timings.ttfb).toBeGreaterThan(0);
  });

  it('counts the header block as HTTP/1.1 would send it', async () => {
    const server = await serve.http2((_request, response) => {
      response.sendDate = false;
      response.writeHead(404, { 'content-type': 'text/plain', 'content-length': '4' });
      response.end('gone');
    });
    const record = await measureOne(`${server.origin}/`, { http2: true, insecure: true });
    const block = 'HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\ncontent-length: 4\r\n\r\n';
    expect(record).toMatchObject({ status: 404, httpVersion: '2', bytes: 4 });
    expect(record.headerBytes).toBe(Buffer.byteLength(block));
  });

  // curl 7.88.1 --http2 -k: `226 2 0 https://127.0.0.1:PORT/ 2 200`, one line per
  // field; its HTTP/2 status line `HTTP/2 200 ` is 4 bytes shorter than `HTTP/1.1 200 OK`.
  it('counts each field line of a repeated header, as HTTP/1.1 sends them', async () => {
    const server = await serve.http2((_request, response) => {
      response.sendDate = false;
      response.writeHead(200, {
        'content-type': 'text/html',
        'set-cookie': ['session=abc123; Path=/; HttpOnly', 'theme=dark; Path=/'],
        link: ['</app.css>; rel=preload; as=style', '</app.js>; rel=preload; as=script'],
        'x-trace': ['a1', 'b2'],
      });
      response.end('ok');
    });
    const record = await measureOne(`${server.origin}/`, { http2: true, insecure: true });
    expect(record).toMatchObject({ httpVersion: '2', status: 200, headerBytes: 226 + 4, error: null });
  });

  // curl 7.88.1 --http2 -k: `60 2 0 https://127.0.0.1:PORT/ 2 200`: é and è are one byte each on the wire.
  it('counts the bytes of a header value past ASCII once', async () => {
    const server = await serve.http2((_request, response) => {
      response.sendDate = false;
      response.writeHead(200, { 'content-type': 'text/html', 'x-note': 'café crème' });
      response.end('ok');
    });
    const record = await measureOne(`${server.origin}/`, { http2: true, insecure: true });
    expect(record).toMatchObject({ httpVersion: '2', status: 200, headerBytes: 60 + 4, error: null });
  });

  // curl 7.88.1 --http2 offers `h2, http/1.1` and gets `2` from a server that takes the client's first choice.
  it('offers h2 first through ALPN, as curl and browsers do', async () => {
    const offered: string[][] = [];
    const server = await serve.http2(page, {
      ALPNCallback: ({ protocols }) => {
        offered.push(protocols);
        return protocols[0];
      },
    });
    const record = await measureOne(`${server.origin}/`, { http2: true, insecure: true });
    expect(offered).toEqual([['h2', 'http/1.1']]);
    expect(record).toMatchObject({ httpVersion: '2', status: 200, error: null });
  });

  it('decodes gzip over h2 and reuses the connection', async () => {
    const server = await serve.http2(page);
    const records = await collect([`${server.origin}/gzip`, `${server.origin}/gzip`, `${server.origin}/gzip`], {
      http2: true,
      insecure: true,
      concurrency: 1,
    });
    for (const record of records)
      expect(record).toMatchObject({ httpVersion: '2', bytes: body.length, encodedBytes: gzipped.length, contentEncoding: 'gzip' });
    expect(records.map((record) => record.timings.tls === null)).toEqual([false, true, true]);
  });

  it('still enforces --timeout on h2, for headers and for the body', async () => {
    const server = await serve.http2(page);
    const records = await collect([`${server.origin}/hang`, `${server.origin}/stall`], { http2: true, insecure: true, timeout: 0.3 });
    expect(records.map((record) => record.error?.code)).toEqual(['TIMEOUT', 'TIMEOUT']);
    expect(records[1]).toMatchObject({ status: 200, httpVersion: '2', bytes: 7 });
  });

  it('without --http2 speaks HTTP/1.1 to the same server', async () => {
    const server = await serve.http2(page);
    const result = await runCli(['-k', '-q', `${server.origin}/`]);
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout)[0]).toMatchObject({ httpVersion: '1.1', bytes: body.length });
  });

  it('keeps the certificate check unless -k', async () => {
    const server = await serve.http2(page);
    const result = await runCli(['--http2', '-q', `${server.origin}/`]);
    expect(result.code).toBe(1);
    expect(parseLines(result.stdout)[0]?.error?.code).toBe('TLS');
    const insecure = await runCli(['--http2', '-k', '-q', `${server.origin}/`]);
    expect(insecure.code, insecure.stderr).toBe(0);
    expect(parseLines(insecure.stdout)[0]).toMatchObject({ httpVersion: '2', status: 200 });
  });
});
