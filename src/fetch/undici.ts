import { createRequire } from 'node:module';
import type * as Undici from 'undici';

const require = createRequire(import.meta.url);

// undici's index also loads fetch, WebSocket, the cache and the mocks: ~50 ms
// at every start for nothing sitesize uses. Its modules are loaded one by one
// instead, falling back to the index should a later 7.x move one.
function load<T>(path: string, fromIndex: (undici: typeof Undici) => T): T {
  try {
    return require(`undici/lib/${path}`) as T;
  } catch {
    return fromIndex(require('undici') as typeof Undici);
  }
}

export const Agent = load('dispatcher/agent.js', (undici) => undici.Agent);
export const Pool = load('dispatcher/pool.js', (undici) => undici.Pool);
export const Client = load('dispatcher/client.js', (undici) => undici.Client);
export const buildConnector = load('core/connect.js', (undici) => undici.buildConnector);
export const RedirectHandler = load('handler/redirect-handler.js', (undici) => undici.RedirectHandler);

/** The proxy agents need the whole of undici: they call methods that its index adds to every dispatcher. */
export function loadEnvHttpProxyAgent(): typeof Undici.EnvHttpProxyAgent {
  return (require('undici') as typeof Undici).EnvHttpProxyAgent;
}

/** The keys undici keeps its state under: on a socket its HTTP/1.1 parser and HTTP/2 session, on a client its socket. */
export const socketKeys = load<{ kParser?: symbol; kHTTP2Session?: symbol; kSocket?: symbol }>('core/symbols.js', () => ({}));
export const errors = load('core/errors.js', (undici) => undici.errors);
