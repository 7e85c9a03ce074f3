import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measureOne } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';

const serve = useServers();

/** Answers every request with `head` (status line and header lines, no blank line) and `body`, then closes. */
function rawResponse(head: string, body: Buffer | string = ''): ReturnType<typeof serve.raw> {
  return serve.raw((socket) => {
    socket.end(Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(body)]));
  });
}

/** Text that compresses, but not to nothing: gzip'd once it still holds thousands of bytes. */
function page(size: number): Buffer {
  let text = '';
  for (let line = 0; text.length < size; line++) text += `<p>line ${line} of the test page, ${(line * 7919) % 1000}</p>\n`;
  return Buffer.from(text.slice(0, size));
}

describe('the HTTP version', () => {
  // Python's http.server answers in HTTP/1.0 and closes. curl 7.88.1:
  // `82 5 0 http://127.0.0.1:PORT/ 1 200` (size_header, size_download, num_redirects, url_effective, http_version).
  it('is "1.0" for an HTTP/1.0 response', async () => {
    const server = await rawResponse('HTTP/1.0 200 OK\r\nServer: SimpleHTTP/0.6 Python/3.11.7\r\nContent-Type: text/html', 'hello');
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ status: 200, httpVersion: '1.0', headerBytes: 82, bytes: 5, error: null });
  });
});

describe('a large header block', () => {
  // 70 header lines of 1 000 bytes each. curl 7.88.1: `71078 2 0 http://127.0.0.1:PORT/ 1.1 200`.
  it('is accepted up to 256 KiB, as browsers do', async () => {
    const lines = Array.from({ length: 70 }, (_, line) => `X-Filler-${line}: ${'a'.repeat(1000)}`);
    const server = await rawResponse(['HTTP/1.1 200 OK', ...lines, 'Content-Length: 2'].join('\r\n'), 'ok');
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ status: 200, headerBytes: 71_078, bytes: 2, error: null });
  });

  it('is a PROTOCOL error past 256 KiB', async () => {
    const lines = Array.from({ length: 300 }, (_, line) => `X-Filler-${line}: ${'a'.repeat(1000)}`);
    const server = await rawResponse(['HTTP/1.1 200 OK', ...lines, 'Content-Length: 2'].join('\r\n'), 'ok');
    const record = await measureOne(`${server.origin}/`);
    expect(record.error?.code).toBe('PROTOCOL');
  });
});

describe('header fields on more than one line', () => {
  // curl 7.88.1 --compressed: `89 4186 0 http://127.0.0.1:PORT/ 1.1 200`, and 39 443 bytes written out
  // (we decoded the outer gzip alone: 5 091 bytes).
  it('Content-Encoding: the codings of every line apply, in order', async () => {
    const body = page(39_443);
    const wire = zlib.gzipSync(zlib.gzipSync(body));
    const server = await rawResponse(
      `HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Encoding: gzip\r\nContent-Length: ${wire.length}`,
      wire,
    );
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ bytes: 39_443, encodedBytes: wire.length, contentEncoding: 'gzip, gzip', error: null });
  });

  // curl 7.88.1: `%{content_type}` is `text/plain`, the last line (browsers read the last valid type too).
  it('Content-Type: the last line', async () => {
    const server = await rawResponse('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: text/plain\r\nContent-Length: 2', 'ok');
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ contentType: 'text/plain', error: null });
  });

  it('Content-Type: UTF-8 bytes are shown as the text they are', async () => {
    const server = await serve.raw((socket) => {
      socket.end(Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; title="café"\r\nContent-Length: 2\r\n\r\nok', 'utf8'));
    });
    const record = await measureOne(`${server.origin}/`);
    expect(record).toMatchObject({ contentType: 'text/html; title="café"', error: null });
  });

  // curl 7.88.1 --retry 1 waits for the last Retry-After (3 s after `Retry-After: 1`, `Retry-After: 3`).
  it('Retry-After: the last line', async () => {
    let requests = 0;
    const server = await serve.raw((socket) => {
      requests++;
      const retry = requests === 1 ? 'Retry-After: 100\r\nRetry-After: 0\r\n' : '';
      socket.end(`HTTP/1.1 503 Service Unavailable\r\n${retry}Content-Length: 0\r\n\r\n`);
    });
    const record = await measureOne(`${server.origin}/`, { retries: 1 });
    expect(record).toMatchObject({ status: 503, attempts: 2, error: null });
  });
});
