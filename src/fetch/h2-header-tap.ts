import type { ClientHttp2Session } from 'node:http2';
import type { Socket } from 'node:net';
import { socketKeys } from './undici.js';

/** Told the header fields of an HTTP/2 response as they came: a name and a value per field line. */
export interface RawHeadersListener {
  onRawHeaders(fields: readonly string[]): void;
}

/**
 * Node's HTTP/2 client joins repeated fields into one value, and undici builds
 * its raw headers from that object, UTF-8 encoding strings that hold one byte
 * per character; so neither counts the field lines or their bytes as sent.
 * Node does pass the fields as received, as the third argument of the stream's
 * 'response' event, but undici keeps the stream to itself: the tap wraps
 * `request` of each of our sessions, and the stream made right after a request's
 * sendHeaders message (undici makes it in the same tick) is that request's.
 */
export class H2HeaderTap {
  readonly #tapped = new WeakSet<ClientHttp2Session>();
  #next: RawHeadersListener | undefined;

  /** Call from the sendHeaders message of a request on `socket`; does nothing unless it carries HTTP/2. */
  expect(socket: Socket, listener: RawHeadersListener): void {
    const key = socketKeys.kHTTP2Session;
    const session = key && (socket as unknown as Record<symbol, ClientHttp2Session | undefined>)[key];
    if (!session) return;
    this.#next = listener;
    if (this.#tapped.has(session)) return;
    this.#tapped.add(session);
    const request = session.request.bind(session);
    session.request = (...args) => {
      const stream = request(...args);
      const next = this.#next;
      this.#next = undefined;
      stream.once('response', (...event: unknown[]) => {
        const fields = event[2];
        if (Array.isArray(fields)) next?.onRawHeaders(fields as string[]);
      });
      return stream;
    };
  }
}
