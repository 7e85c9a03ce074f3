import net from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import type { buildConnector as ConnectorTypes } from 'undici';
import { errors } from './undici.js';

/** undici's connector, as it is: it returns the socket it starts to connect. */
export type SocketConnector = (...args: Parameters<ConnectorTypes.connector>) => net.Socket;

/** What the TLS handshake needs: the certificate check and the connect timeout (ms) it must fit in. */
export interface TlsOptions {
  rejectUnauthorized: boolean;
  timeout: number;
  /** One context for every handshake of the run. */
  secureContext: tls.SecureContext;
}

const offered = ['h2', 'http/1.1'];

/**
 * undici's connector offers ALPN `http/1.1, h2`, in that order and fixed, so
 * a server that honours the client's order speaks HTTP/1.1 to `--http2`;
 * curl and browsers offer `h2, http/1.1`. The TCP connection stays undici's
 * (lookup, keep-alive, its connect timeout); the TLS handshake on it is made
 * here, offering h2 first, within what is left of the connect timeout.
 */
export function offerH2First(tcp: SocketConnector, options: TlsOptions): SocketConnector {
  return (connectOptions, callback) => {
    if (connectOptions.protocol !== 'https:') return tcp(connectOptions, callback);
    const start = performance.now();
    const { hostname } = connectOptions;
    const port = connectOptions.port || '443';
    const plain = { ...connectOptions, protocol: 'http:', port };
    return tcp(plain, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const servername = connectOptions.servername || (net.isIP(hostname) === 0 ? hostname : undefined);
      const secure = tls.connect({
        socket,
        servername,
        ALPNProtocols: offered,
        rejectUnauthorized: options.rejectUnauthorized,
        secureContext: options.secureContext,
      });
      const timeout = Math.max(options.timeout - (performance.now() - start), 0);
      const timer = setTimeout(() => {
        secure.destroy(
          new errors.ConnectTimeoutError(`Connect Timeout Error (TLS handshake with ${hostname}:${port}, timeout: ${options.timeout}ms)`),
        );
      }, timeout);
      const fail = (reason: Error): void => {
        clearTimeout(timer);
        callback(reason, null);
      };
      secure.once('error', fail);
      secure.once('secureConnect', () => {
        clearTimeout(timer);
        secure.off('error', fail);
        callback(null, secure);
      });
    });
  };
}
