import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { MeasureError } from '../../src/errors.js';
import type { AddressSpace } from '../../src/fetch/address-space.js';
import { createConnections } from '../../src/fetch/connections.js';
import type { Attempt, MeasureContext } from '../../src/fetch/measure-context.js';
import { measureUrl } from '../../src/fetch/measure-url.js';
import { retryDelay } from '../../src/fetch/retry-policy.js';
import { toTarget } from '../../src/input/targets.js';
import { resolveOptions, type MeasureOptions } from '../../src/options.js';
import { Slots } from '../../src/pool/slots.js';
import { failedRecord } from '../../src/record.js';
import { recordKeys } from '../helpers/run.js';
import { useServers, type TestServer } from '../helpers/servers.js';

const serve = useServers();
const opened: MeasureContext[] = [];

afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.connections.close()));
});

/** The fetch layer as the page and crawl modes call it: one attempt at `url`, named by a page in `initiator`'s space (null: by the user). */
function fetcher(options: MeasureOptions = {}): (url: string, initiator?: AddressSpace | null) => Promise<Attempt> {
  const resolved = resolveOptions(options, 'sitesize-test');
  const context: MeasureContext = { options: resolved, connections: createConnections(resolved), inFlight: new Slots() };
  opened.push(context);
  return (url, initiator = null) => {
    const target = toTarget(url);
    if (target instanceof MeasureError) throw target;
    return measureUrl(context, target, { url, index: 0, attempt: 1, firstStart: performance.now(), initiator });
  };
}

/** Resolves every name to `address`, without asking any resolver. */
function resolvingTo(address: string): LookupFunction {
  return (_hostname: string, options: LookupOptions, callback) => {
    const all: LookupAddress[] = [{ address, family: 4 }];
    if (options.all === true) process.nextTick(callback, null, all);
    else process.nextTick(callback, null, address, 4);
  };
}

/** A server on 127.0.0.1 that counts the connections made to it, and answers each request with "ok". */
async function countingServer(): Promise<TestServer & { connections: () => number }> {
  let connections = 0;
  const server = await serve.raw(
    (socket) => {
      connections++;
      socket.on('data', () => socket.write('HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok'));
    },
    { waitForRequest: false },
  );
  return { ...server, connections: () => connections };
}

function expectBlocked({ record }: Attempt): void {
  expect(Object.keys(record)).toEqual(recordKeys);
  expect(record).toMatchObject({ status: null, bytes: null, headerBytes: null, attempts: 1, error: { code: 'BLOCKED' } });
}

describe('what a page may make sitesize fetch', () => {
  it('refuses a loopback URL that a public or private page names, before connecting; the user’s is fetched', async () => {
    const server = await countingServer();
    const fetch = fetcher();
    const url = `${server.origin}/secret`;
    expectBlocked(await fetch(url, 'public'));
    expectBlocked(await fetch(url, 'private'));
    expectBlocked(await fetch(`http://[::1]:${server.port}/secret`, 'private'));
    expect(server.connections()).toBe(0);
    const mine = await fetch(url);
    expect(mine.record).toMatchObject({ status: 200, bytes: 2, error: null });
    const local = await fetch(url, 'local');
    expect(local.record).toMatchObject({ status: 200, error: null });
  });

  it('checks the address a name resolves to, at the connection', async () => {
    const server = await countingServer();
    const fetch = fetcher({ lookup: resolvingTo('127.0.0.1') });
    const url = `http://intranet.sitesize.test:${server.port}/`;
    const refused = await fetch(url, 'public');
    expectBlocked(refused);
    expect(refused.record.error?.message).toContain('127.0.0.1 (intranet.sitesize.test) is a local address');
    expect(server.connections()).toBe(0);
    expect((await fetch(url)).record).toMatchObject({ status: 200, error: null });
  });

  it('checks TLS and HTTP/2 connections the same way', async () => {
    const server = await serve.http2((_request, response) => response.end('ok'));
    const fetch = fetcher({ lookup: resolvingTo('127.0.0.1'), insecure: true, http2: true });
    const url = `https://secure.sitesize.test:${server.port}/`;
    expectBlocked(await fetch(url, 'public'));
    expectBlocked(await fetch(`${server.origin}/`, 'public'));
    expect(server.requests).toEqual([]);
    expect(await fetch(url)).toMatchObject({ record: { status: 200, httpVersion: '2', error: null }, addressSpace: 'local' });
  });

  it('never hands a page’s request the connection a user’s request opened', async () => {
    const server = await serve.http((_request, response) => response.end('ok'));
    const fetch = fetcher({ lookup: resolvingTo('127.0.0.1') });
    const url = `http://intranet.sitesize.test:${server.port}/`;
    expect((await fetch(url)).record.status).toBe(200);
    expectBlocked(await fetch(url, 'public'));
    expect((await fetch(url)).record.status).toBe(200);
    expect(server.requests).toHaveLength(2);
  });

  it('lets pages lead anywhere with allowPrivate', async () => {
    const server = await countingServer();
    const fetch = fetcher({ allowPrivate: true, lookup: resolvingTo('127.0.0.1') });
    expect((await fetch(`${server.origin}/`, 'public')).record).toMatchObject({ status: 200, error: null });
    expect((await fetch(`http://intranet.sitesize.test:${server.port}/`, 'public')).record).toMatchObject({ status: 200, error: null });
  });

  it('follows a user’s redirect to loopback', async () => {
    const target = await countingServer();
    const hop = await serve.http((_request, response) => response.writeHead(302, { location: `${target.origin}/in` }).end());
    const { record } = await fetcher()(`${hop.origin}/out`);
    expect(record).toMatchObject({ status: 200, redirects: 1, finalUrl: `${target.origin}/in`, error: null });
  });

  it('is not retried', () => {
    const blocked = { record: failedRecord('http://127.0.0.1/', 0, 'BLOCKED', 'blocked', 1), retryAfter: undefined };
    expect(retryDelay(blocked, 1, 3)).toBeUndefined();
  });
});

describe('the address space of a response', () => {
  it('is that of the address it came from', async () => {
    const server = await countingServer();
    const fetch = fetcher({ lookup: resolvingTo('127.0.0.1') });
    expect((await fetch(`${server.origin}/`)).addressSpace).toBe('local');
    expect((await fetch(`http://www.sitesize.test:${server.port}/`)).addressSpace).toBe('local');
  });

  it('is absent when no response came', async () => {
    const server = await countingServer();
    const attempt = await fetcher()(`${server.origin}/`, 'public');
    expect(attempt.addressSpace).toBeUndefined();
  });
});

describe('through a proxy', () => {
  it('refuses IP-literal hosts, redirect hops included, and leaves names to the proxy', async () => {
    const proxy = await serve.proxy();
    const target = await countingServer();
    const hop = await serve.http((_request, response) => response.writeHead(302, { location: `${target.origin}/in` }).end());
    const fetch = fetcher({ proxy: proxy.origin });
    expectBlocked(await fetch(`${target.origin}/direct`, 'public'));
    // The proxy resolves localhost itself, so it is not checked: the caveat the README states.
    const byName = await fetch(`http://localhost:${hop.port}/out`, 'public');
    expectBlocked(byName);
    expect(proxy.forwarded).toEqual([`http://localhost:${hop.port}/out`]);
    expect(target.connections()).toBe(0);
    const named = await fetch(`http://localhost:${target.port}/named`, 'public');
    expect(named).toMatchObject({ record: { status: 200, error: null }, addressSpace: 'public' });
    expect((await fetch(`${target.origin}/mine`)).addressSpace).toBe('local');
  });
});
