import { describe, expect, it } from 'vitest';
import { measureOne, parseLines, runCli } from '../helpers/run.js';
import { useServers, type Handler, type TestServer } from '../helpers/servers.js';

const serve = useServers();

const page: Handler = (_request, response) => {
  response.end('landed');
};

// A server whose /go redirects to `target`.
async function redirectingTo(target: () => string): Promise<TestServer> {
  return serve.http((request, response) => {
    if (request.url === '/go') response.writeHead(302, { location: target() }).end();
    else response.end('home');
  });
}

describe('credentials and redirects', () => {
  it('does not send Authorization or Cookie from -H to another origin', async () => {
    const other = await serve.http(page);
    const start = await redirectingTo(() => `${other.origin}/elsewhere`);
    const result = await runCli(['-q', '-H', 'Authorization: Bearer secret', '-H', 'Cookie: session=1', `${start.origin}/go`]);
    expect(result.code, result.stderr).toBe(0);
    expect(parseLines(result.stdout)[0]).toMatchObject({ status: 200, redirects: 1, finalUrl: `${other.origin}/elsewhere` });
    expect(start.requests[0]?.headers).toMatchObject({ authorization: 'Bearer secret', cookie: 'session=1' });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
    expect(other.requests[0]?.headers.cookie).toBeUndefined();
  });

  it('does not send the URL’s credentials to another origin, not even on another port of the same host', async () => {
    const other = await serve.http(page);
    const start = await redirectingTo(() => `${other.origin}/elsewhere`);
    const record = await measureOne(`http://user:pass@127.0.0.1:${start.port}/go`);
    expect(record).toMatchObject({ status: 200, url: `http://user:***@127.0.0.1:${start.port}/go` });
    expect(start.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from('user:pass').toString('base64')}`);
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('keeps them on a redirect within the same origin', async () => {
    const start = await redirectingTo(() => '/home');
    const record = await measureOne(`http://user:pass@127.0.0.1:${start.port}/go`, { headers: { cookie: 'session=1' } });
    expect(record).toMatchObject({ status: 200, redirects: 1 });
    expect(start.requests[1]?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('user:pass').toString('base64')}`,
      cookie: 'session=1',
    });
  });
});

describe('certificate checks', () => {
  it('stay on unless -k, with retries, a proxy or HTTP/2 in play', async () => {
    const secure = await serve.https(page);
    const proxy = await serve.proxy();
    const checked = await runCli(['-q', '--retries', '2', '--http2', '--proxy', proxy.origin, `${secure.origin}/`]);
    expect(checked.code).toBe(1);
    expect(parseLines(checked.stdout)[0]).toMatchObject({ attempts: 1, error: { code: 'TLS' } });
    expect(secure.requests).toHaveLength(0);
    const insecure = await runCli(['-q', '-k', '--proxy', proxy.origin, `${secure.origin}/`]);
    expect(insecure.code, insecure.stderr).toBe(0);
    expect(secure.requests).toHaveLength(1);
  });
});
