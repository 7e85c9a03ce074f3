import { describe, expect, it } from 'vitest';
import { collect, measureOne, parseLines, runCli } from '../helpers/run.js';
import { closedPort, useServers, type Handler } from '../helpers/servers.js';

const serve = useServers();

const page: Handler = (request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end(`page ${request.url ?? ''} for ${request.headers.host ?? ''}`);
};

describe('--proxy', () => {
  it('forwards http in absolute form, each request with its own Host', async () => {
    const proxy = await serve.proxy();
    const first = await serve.http(page);
    const second = await serve.http(page);
    const records = await collect([`${first.origin}/a`, `${second.origin}/b`, `${first.origin}/c`], { proxy: proxy.origin });
    expect(records.map((record) => [record.status, record.error])).toEqual([
      [200, null],
      [200, null],
      [200, null],
    ]);
    expect(proxy.forwarded.sort()).toEqual([`${first.origin}/a`, `${first.origin}/c`, `${second.origin}/b`].sort());
    expect(proxy.tunnels).toEqual([]);
    expect(first.requests.map((request) => request.headers.host)).toEqual([`127.0.0.1:${first.port}`, `127.0.0.1:${first.port}`]);
    expect(second.requests.map((request) => request.headers.host)).toEqual([`127.0.0.1:${second.port}`]);
    const body = `page /b for 127.0.0.1:${second.port}`;
    expect(records[1]).toMatchObject({ bytes: body.length, encodedBytes: body.length, finalUrl: `${second.origin}/b` });
  });

  it('tunnels https through CONNECT, with the certificate still checked', async () => {
    const proxy = await serve.proxy();
    const secure = await serve.https(page);
    const checked = await measureOne(`${secure.origin}/x`, { proxy: proxy.origin });
    expect(checked.error?.code).toBe('TLS');
    const insecure = await measureOne(`${secure.origin}/y`, { proxy: proxy.origin, insecure: true });
    expect(insecure).toMatchObject({ status: 200, error: null, httpVersion: '1.1' });
    expect(proxy.tunnels).toEqual([`127.0.0.1:${secure.port}`, `127.0.0.1:${secure.port}`]);
    expect(proxy.forwarded).toEqual([]);
    expect(secure.requests.map((request) => request.url)).toEqual(['/y']);
  });

  it('sends the proxy URL’s credentials to the proxy only', async () => {
    const proxy = await serve.proxy();
    const server = await serve.http(page);
    const secure = await serve.https(page);
    const proxyUrl = proxy.origin.replace('http://', 'http://user:pa%20ss@');
    const records = await collect([`${server.origin}/plain`, `${secure.origin}/tunnel`], {
      proxy: proxyUrl,
      insecure: true,
      concurrency: 1,
    });
    expect(records.map((record) => record.status)).toEqual([200, 200]);
    const expected = `Basic ${Buffer.from('user:pa ss').toString('base64')}`;
    expect(proxy.credentials).toEqual([expected, expected]);
    expect(secure.requests[0]?.headers['proxy-authorization']).toBeUndefined();
  });

  it('reports a proxy that cannot be reached, or refuses the tunnel, as CONNECT_REFUSED', async () => {
    const port = await closedPort();
    const unreachable = await measureOne('http://127.0.0.1:1/', { proxy: `http://127.0.0.1:${port}` });
    expect(unreachable.error?.code).toBe('CONNECT_REFUSED');
    const refusing = await serve.raw((socket) => socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n'));
    const refused = await measureOne('https://127.0.0.1:1/', { proxy: refusing.origin });
    expect(refused.error?.code).toBe('CONNECT_REFUSED');
  });
});

describe('proxies from the environment', () => {
  it('uses HTTP_PROXY and HTTPS_PROXY, and skips the hosts in NO_PROXY', async () => {
    const proxy = await serve.proxy();
    const proxied = await serve.http(page);
    const direct = await serve.http(page);
    const secure = await serve.https(page);
    const result = await runCli(['-k', '-q', `${proxied.origin}/via`, `${direct.origin}/direct`, `${secure.origin}/tunnel`], {
      env: {
        HTTP_PROXY: proxy.origin,
        HTTPS_PROXY: proxy.origin,
        NO_PROXY: `127.0.0.1:${direct.port}`,
      },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout).map((record) => record.status)).toEqual([200, 200, 200]);
    expect(proxy.forwarded).toEqual([`${proxied.origin}/via`]);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${secure.port}`]);
    expect(direct.requests.map((request) => request.url)).toEqual(['/direct']);
  });

  it('reads the lower-case forms too, and --proxy overrides them', async () => {
    const proxy = await serve.proxy();
    const other = await serve.proxy();
    const server = await serve.http(page);
    const fromEnv = await runCli(['-q', `${server.origin}/env`], { env: { http_proxy: proxy.origin } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    const fromFlag = await runCli(['-q', '--proxy', other.origin, `${server.origin}/flag`], { env: { http_proxy: proxy.origin } });
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(proxy.forwarded).toEqual([`${server.origin}/env`]);
    expect(other.forwarded).toEqual([`${server.origin}/flag`]);
  });
});
