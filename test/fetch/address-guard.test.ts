import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { Dispatcher } from 'undici';
import { describe, expect, it } from 'vitest';
import { MeasureError } from '../../src/errors.js';
import { guardLookup, refuseLiteralHosts } from '../../src/fetch/address-guard.js';

type Answer = string | LookupAddress[];

/** A resolver that gives `answers` in turn, one per call, for any name; it connects nowhere. */
function answering(...answers: Answer[]): LookupFunction & { calls: number } {
  const lookup = Object.assign(
    (
      _hostname: string,
      _options: LookupOptions,
      callback: (error: NodeJS.ErrnoException | null, answer: Answer, family?: number) => void,
    ) => {
      const answer = answers[lookup.calls++] ?? '';
      process.nextTick(callback, null, answer, 4);
    },
    { calls: 0 },
  );
  return lookup;
}

interface Outcome {
  error: NodeJS.ErrnoException | null;
  answer: Answer;
}

function resolve(lookup: LookupFunction, options: LookupOptions = {}): Promise<Outcome> {
  return new Promise((done) => {
    lookup('rebind.sitesize.test', options, (error, answer) => {
      done({ error, answer });
    });
  });
}

describe('guardLookup', () => {
  it('passes the first answer of a rebinding name and refuses the second, the loopback one', async () => {
    const resolver = answering('203.0.113.7', '127.0.0.1');
    const guarded = guardLookup('public', resolver);
    expect(await resolve(guarded)).toEqual({ error: null, answer: '203.0.113.7' });
    const second = await resolve(guarded);
    expect(second.error).toBeInstanceOf(MeasureError);
    expect(second.error).toMatchObject({ code: 'BLOCKED' });
    expect(second.error?.message).toContain('127.0.0.1 (rebind.sitesize.test) is a local address');
    expect(resolver.calls).toBe(2);
  });

  it('drops the refused addresses of a list and keeps the others', async () => {
    const guarded = guardLookup(
      'public',
      answering([
        { address: '10.0.0.8', family: 4 },
        { address: '203.0.113.7', family: 4 },
        { address: '::ffff:127.0.0.1', family: 6 },
      ]),
    );
    expect(await resolve(guarded, { all: true })).toEqual({ error: null, answer: [{ address: '203.0.113.7', family: 4 }] });
  });

  it('refuses a list with nothing left, naming its first address', async () => {
    const guarded = guardLookup(
      'private',
      answering([
        { address: '::1', family: 6 },
        { address: '127.0.0.1', family: 4 },
      ]),
    );
    const outcome = await resolve(guarded, { all: true });
    expect(outcome.error).toMatchObject({
      code: 'BLOCKED',
      message: expect.stringContaining('::1 (rebind.sitesize.test) is a local address') as string,
    });
    expect(outcome.answer).toEqual([]);
  });

  it.each([
    ['public', '169.254.169.254', false],
    ['public', '192.168.1.1', false],
    ['public', '::ffff:10.1.2.3', false],
    ['public', '203.0.113.7', true],
    ['private', '192.168.1.1', true],
    ['private', '0.0.0.0', false],
  ] as const)('from a %s page, %s: %s', async (initiator, address, allowed) => {
    const outcome = await resolve(guardLookup(initiator, answering(address)));
    expect(outcome.error === null).toBe(allowed);
  });

  it('passes on the resolver’s own error, and leaves a non-address to net', async () => {
    const failing: LookupFunction = (_hostname, _options, callback) => {
      process.nextTick(callback, Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), '', 4);
    };
    expect((await resolve(guardLookup('public', failing))).error?.code).toBe('ENOTFOUND');
    expect(await resolve(guardLookup('public', answering('not-an-address')))).toEqual({ error: null, answer: 'not-an-address' });
  });
});

describe('refuseLiteralHosts', () => {
  // The inner dispatch records what reached it; the handler what it was told.
  function dispatchThrough(origin: string): { dispatched: string[]; errors: unknown[] } {
    const dispatched: string[] = [];
    const errors: unknown[] = [];
    const inner: Dispatcher['dispatch'] = (options) => {
      dispatched.push(String(options.origin));
      return true;
    };
    const handler: Dispatcher.DispatchHandler = {
      onResponseError(_controller, error) {
        errors.push(error);
      },
    };
    refuseLiteralHosts('public')(inner)({ origin, path: '/', method: 'GET' }, handler);
    return { dispatched, errors };
  }

  it.each(['http://127.0.0.1:8080', 'http://[::1]:8080', 'https://10.0.0.1', 'http://[::ffff:a9fe:a9fe]'])(
    'fails %s before dispatching it',
    (origin) => {
      const { dispatched, errors } = dispatchThrough(origin);
      expect(dispatched).toEqual([]);
      expect(errors).toEqual([expect.objectContaining({ code: 'BLOCKED' })]);
    },
  );

  it.each(['http://203.0.113.7', 'http://localhost:8080', 'https://intranet.sitesize.test'])(
    'passes %s on (names are checked by the lookup)',
    (origin) => {
      const { dispatched, errors } = dispatchThrough(origin);
      expect(dispatched).toEqual([origin]);
      expect(errors).toEqual([]);
    },
  );
});
