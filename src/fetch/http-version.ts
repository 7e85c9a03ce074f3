import type { Socket } from 'node:net';
import { socketKeys } from './undici.js';

// The parts of llhttp's WebAssembly exports that undici's parser for a socket holds.
interface Parser {
  ptr: number | null;
  llhttp: {
    llhttp_get_http_major(ptr: number): number;
    llhttp_get_http_minor(ptr: number): number;
  };
}

/**
 * The HTTP version of the response whose headers `socket` has just delivered
 * (call it from `onResponseStart`): "2" when ALPN agreed on h2, else the
 * version of the status line, which undici's parser read but does not pass on,
 * so that an HTTP/1.0 server is not reported as "1.1".
 */
export function responseVersion(socket: Socket): string {
  if ((socket as Socket & { alpnProtocol?: string | false }).alpnProtocol === 'h2') return '2';
  const { kParser } = socketKeys;
  const parser = kParser && (socket as unknown as Record<symbol, Parser | null | undefined>)[kParser];
  if (!parser?.ptr) return '1.1';
  return `${parser.llhttp.llhttp_get_http_major(parser.ptr)}.${parser.llhttp.llhttp_get_http_minor(parser.ptr)}`;
}
