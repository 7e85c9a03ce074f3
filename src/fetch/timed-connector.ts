import { performance } from 'node:perf_hooks';
import type { buildConnector as ConnectorTypes } from 'undici';
import { roundMs } from '../record.js';
import type { ConnectionTimings } from './connections.js';
import type { SocketConnector } from './h2-first-connector.js';

/**
 * Times each connection `connector` opens, phase by phase, and notes the
 * socket in `opened`: that is how the run tells its own sockets from other
 * undici users' and a new connection from a pooled one.
 */
export function timedConnector(connector: SocketConnector, opened: WeakMap<object, ConnectionTimings>): ConnectorTypes.connector {
  return (connectOptions, callback) => {
    const start = performance.now();
    let lookedUp: number | undefined;
    let connected: number | undefined;
    const socket = connector(connectOptions, (...args) => {
      const [error, ready] = args;
      if (error === null) {
        const end = performance.now();
        const tcpStart = lookedUp ?? start;
        const tcpEnd = connected ?? end;
        opened.set(ready, {
          dns: lookedUp === undefined ? null : roundMs(lookedUp - start),
          connect: roundMs(tcpEnd - tcpStart),
          tls: connectOptions.protocol === 'https:' ? roundMs(end - tcpEnd) : null,
        });
      }
      callback(...args);
    });
    socket.once('lookup', () => (lookedUp = performance.now()));
    socket.once('connect', () => (connected = performance.now()));
  };
}
