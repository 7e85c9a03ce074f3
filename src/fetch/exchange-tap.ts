import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { ExchangeLog } from './exchange-log.js';

/** The dispatch option that asks for a log of every request a dispatch makes. */
export const exchangeLogKey = Symbol('sitesize.exchangeLog');

export type LoggedDispatchOptions = Dispatcher.DispatchOptions & { [exchangeLogKey]?: ExchangeLog };

// Passes everything on unchanged, telling the log what it saw first.
class ExchangeTap implements Dispatcher.DispatchHandler {
  readonly #log: ExchangeLog;
  readonly #handler: Dispatcher.DispatchHandler;

  constructor(log: ExchangeLog, handler: Dispatcher.DispatchHandler) {
    this.#log = log;
    this.#handler = handler;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#handler.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.#handler.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.#log.response(statusCode, statusMessage, controller.rawHeaders, headers);
    this.#handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#log.data(chunk.length);
    this.#handler.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.#handler.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#handler.onResponseError?.(controller, error);
  }
}

/**
 * An interceptor to compose inside the redirect handling, so that it sees each
 * hop's request and response, which the redirect handler keeps from the
 * measurement. A dispatch whose options carry no log passes untouched.
 */
export function tapExchanges(): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const log = (options as LoggedDispatchOptions)[exchangeLogKey];
    if (log === undefined) return dispatch(options, handler);
    log.start(String(options.origin), options.path, options.headers);
    return dispatch(options, new ExchangeTap(log, handler));
  };
}
