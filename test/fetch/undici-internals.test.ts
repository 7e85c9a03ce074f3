import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { Agent, buildConnector, Client, errors, Pool, RedirectHandler } from '../../src/fetch/undici.js';

const require = createRequire(import.meta.url);
const undici = require('undici') as typeof import('undici');

// src/fetch/undici.ts loads undici's modules one by one for a fast start and
// falls back to the index should a later 7.x move one: that fallback would
// quietly cost ~50 ms per start, so the paths are checked here.
describe("undici's modules loaded one by one", () => {
  it('finds the symbols of its socket state', () => {
    const symbols = require('undici/lib/core/symbols.js') as Record<string, unknown>;
    expect(typeof symbols.kParser).toBe('symbol');
    expect(typeof symbols.kHTTP2Session).toBe('symbol');
    expect(typeof symbols.kSocket).toBe('symbol');
  });

  it.each([
    ['dispatcher/agent.js', () => undici.Agent, Agent],
    ['core/connect.js', () => undici.buildConnector, buildConnector],
    ['dispatcher/pool.js', () => undici.Pool, Pool],
    ['dispatcher/client.js', () => undici.Client, Client],
    ['handler/redirect-handler.js', () => undici.RedirectHandler, RedirectHandler],
    ['core/errors.js', () => undici.errors, errors],
  ])('finds undici/lib/%s, the same export as the index has', (path, fromIndex, loaded) => {
    expect(() => require.resolve(`undici/lib/${path}`)).not.toThrow();
    expect(require(`undici/lib/${path}`)).toBe(fromIndex());
    expect(loaded).toBe(fromIndex());
  });
});

// src/fetch/redirects.ts hands a final response straight to the handler that
// RedirectHandler wraps, setting its `location` as undici's own method would.
describe("undici's RedirectHandler fields", () => {
  it('keeps the wrapped handler in `handler` and the pending redirect in `location`', () => {
    const wrapped = {};
    const dispatch = (): boolean => true;
    const handler = new RedirectHandler(
      dispatch,
      1,
      { path: '/', method: 'GET', origin: 'http://localhost' },
      wrapped,
    ) as unknown as Record<string, unknown>;
    expect(handler.handler).toBe(wrapped);
    expect(handler).toHaveProperty('location', null);
  });
});
