import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { collect } from '../helpers/run.js';
import { closeServer, testCertificate } from '../helpers/servers.js';

const servers: { server: net.Server; drop: () => void }[] = [];
afterEach(async () => {
  for (const { server, drop } of servers.splice(0)) {
    drop();
    await closeServer(server);
  }
});

// Holds every response until `count` requests are in flight (or a second has
// passed), so that the requests are known to have been in flight together.
function holdUntil(count: number): { hold: (answer: () => void) => void; peak: () => number } {
  const held: (() => void)[] = [];
  let inFlight = 0;
  let peak = 0;
  const release = (): void => {
    for (const answer of held.splice(0)) answer();
  };
  return {
    hold(answer) {
      inFlight++;
      peak = Math.max(peak, inFlight);
      held.push(() => {
        inFlight--;
        answer();
      });
      if (held.length >= count) release();
      else setTimeout(release, 1000);
    },
    peak: () => peak,
  };
}

async function listen(server: net.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('--http2 multiplexing', () => {
  it('carries 50 requests in flight to one h2 origin on one connection', async () => {
    const server = http2.createSecureServer(testCertificate);
    const sessions = new Set<http2.ServerHttp2Session>();
    let sessionCount = 0;
    server.on('session', (session) => {
      sessionCount++;
      sessions.add(session);
    });
    const gate = holdUntil(50);
    server.on('stream', (stream) => {
      gate.hold(() => {
        stream.respond({ ':status': 200 });
        stream.end('ok');
      });
    });
    servers.push({
      server,
      drop: () => {
        sessions.forEach((session) => {
          session.destroy();
        });
      },
    });
    const origin = await listen(server);
    const records = await collect(
      Array.from({ length: 50 }, (_, index) => `${origin}/${index}`),
      { concurrency: 50, http2: true, insecure: true },
    );
    expect(records.map((record) => record.error)).toEqual(Array(50).fill(null));
    expect(records.every((record) => record.httpVersion === '2')).toBe(true);
    expect(gate.peak()).toBe(50);
    expect(sessionCount).toBe(1);
    // Only the request that opened the connection has its connect and TLS times.
    expect(records.filter((record) => record.timings.tls !== null)).toHaveLength(1);
  });

  it('keeps one request per connection to an origin that answers HTTP/1.1', async () => {
    const server = https.createServer(testCertificate);
    let connections = 0;
    server.on('secureConnection', () => connections++);
    const gate = holdUntil(10);
    server.on('request', (_request, response) => {
      gate.hold(() => response.end('ok'));
    });
    servers.push({
      server,
      drop: () => {
        server.closeAllConnections();
      },
    });
    const origin = await listen(server);
    const records = await collect(
      Array.from({ length: 10 }, (_, index) => `${origin}/${index}`),
      { concurrency: 10, http2: true, insecure: true },
    );
    expect(records.every((record) => record.error === null && record.httpVersion === '1.1')).toBe(true);
    expect(gate.peak()).toBe(10);
    expect(connections).toBe(10);
  });
});
