import { describe, expect, it } from 'vitest';
import { measureOne } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';

const serve = useServers();

/** A raw server that answers each request path with the bytes `routes` gives for it (404 otherwise), then closes. */
function rawRoutes(routes: Record<string, Buffer | string>): ReturnType<typeof serve.raw> {
  return serve.raw((socket, request) => {
    const path = request.split(' ')[1] ?? '';
    socket.end(routes[path] ?? 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  });
}

const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
const earlyHints = 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n';

describe('the Location header', () => {
  // curl 7.88.1 -L: `109 0 1 http://127.0.0.1:PORT/caf%c3%a9.html 1.1`: it
  // percent-encodes the raw bytes (in lower-case hex); browsers send /caf%C3%A9.html.
  it('is read as the bytes the server sent: UTF-8 is followed as browsers do', async () => {
    const location = Buffer.from('/café.html', 'utf8');
    const server = await rawRoutes({
      '/old': Buffer.concat([Buffer.from('HTTP/1.1 302 Found\r\nLocation: '), location, Buffer.from('\r\nContent-Length: 0\r\n\r\n')]),
      '/caf%C3%A9.html': ok,
    });
    const record = await measureOne(`${server.origin}/old`);
    expect(record).toMatchObject({ finalUrl: `${server.origin}/caf%C3%A9.html`, status: 200, redirects: 1, bytes: 2, error: null });
  });

  // curl 7.88.1 -L follows the first of two Location lines: `... 1 http://127.0.0.1:PORT/a`.
  it('takes the first of two Location lines, as curl does', async () => {
    const server = await rawRoutes({
      '/two': 'HTTP/1.1 302 Found\r\nLocation: /a\r\nLocation: /b\r\nContent-Length: 0\r\n\r\n',
      '/a': ok,
    });
    const record = await measureOne(`${server.origin}/two`);
    expect(record).toMatchObject({ finalUrl: `${server.origin}/a`, status: 200, redirects: 1, error: null });
  });
});

describe('a redirect whose target fails', () => {
  // curl 7.88.1 -L: `80 0 1 http://127.0.0.1:PORT/gone 1.1 302`, exit 7.
  it('keeps the hop and the URL that was refused', async () => {
    const port = await closedPort();
    const gone = `http://127.0.0.1:${port}/gone`;
    const server = await rawRoutes({ '/start': `HTTP/1.1 302 Found\r\nLocation: ${gone}\r\nContent-Length: 0\r\n\r\n` });
    const record = await measureOne(`${server.origin}/start`);
    expect(record).toMatchObject({ finalUrl: gone, status: null, redirects: 1 });
    expect(record.error?.code).toBe('CONNECT_REFUSED');
  });

  // curl 7.88.1 -L: `83 0 1 https://127.0.0.1:PORT/secure 1.1 302`, exit 60.
  it('keeps the hop and the URL whose certificate was refused', async () => {
    const secure = await serve.https((_request, response) => response.end('x'));
    const server = await rawRoutes({ '/start': `HTTP/1.1 302 Found\r\nLocation: ${secure.origin}/secure\r\nContent-Length: 0\r\n\r\n` });
    const record = await measureOne(`${server.origin}/start`);
    expect(record).toMatchObject({ finalUrl: `${secure.origin}/secure`, status: null, redirects: 1 });
    expect(record.error?.code).toBe('TLS');
  });
});

describe('interim 1xx responses', () => {
  // curl 7.88.1 -L: `95 2 0 http://127.0.0.1:PORT/early 1.1 200`; its size_header
  // adds the 103's 57 bytes, headerBytes is the final response's 38 alone.
  it('are not redirects, and not the response measured', async () => {
    const server = await rawRoutes({ '/early': earlyHints + ok });
    const record = await measureOne(`${server.origin}/early`);
    expect(record).toMatchObject({ finalUrl: `${server.origin}/early`, status: 200, redirects: 0, bytes: 2, headerBytes: 38, error: null });
  });

  // curl 7.88.1 -L --max-redirs 1: `211 2 1 http://127.0.0.1:PORT/early 1.1 200`.
  it('do not count against maxRedirects', async () => {
    const server = await rawRoutes({
      '/start': `${earlyHints}HTTP/1.1 302 Found\r\nLocation: /early\r\nContent-Length: 0\r\n\r\n`,
      '/early': earlyHints + ok,
    });
    const record = await measureOne(`${server.origin}/start`, { maxRedirects: 1 });
    expect(record).toMatchObject({ finalUrl: `${server.origin}/early`, status: 200, redirects: 1, bytes: 2, error: null });
  });
});
