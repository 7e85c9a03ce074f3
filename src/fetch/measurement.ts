import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { MeasureError, type RecordError } from '../errors.js';
import { createRecord, roundMs, type SizeRecord } from '../record.js';
import { BodyCounter, type BodySink } from './body-counter.js';
import type { ConnectionListener, ConnectionTimings } from './connections.js';
import { contentCodings } from './decoders.js';
import { toRecordError } from './error-codes.js';
import { ExchangeLog } from './exchange-log.js';
import { headerBlockSize } from './header-size.js';
import { joinedValue, lastValue } from './header-values.js';
import { responseVersion } from './http-version.js';
import type { Attempt, AttemptOf, MeasureContext } from './measure-context.js';
import { responseSpace } from './private-access.js';
import { redirectStatuses, type HopListener } from './redirects.js';

// The reason given to undici when a body is no longer wanted (--max-size):
// made once, since an Error captures a stack trace.
const stoppedReading = new MeasureError('ABORTED', 'stopped reading the body');

/**
 * One attempt at one URL, as undici's handler for it: the HTTP lifecycle
 * (request start, connection, response, body, end) with its own deadline; the
 * body is counted by a BodyCounter as it streams.
 */
export class Measurement implements Dispatcher.DispatchHandler, ConnectionListener, BodySink, HopListener {
  readonly #context: MeasureContext;
  readonly #of: AttemptOf;
  readonly #start = performance.now();
  readonly #resolve: (attempt: Attempt) => void;
  readonly #timer: NodeJS.Timeout;
  readonly #slot: number;
  #controller: Dispatcher.DispatchController | undefined;
  // Every request made: the first URL, then each redirect hop taken.
  #hops = 0;
  #lastOrigin: string | undefined;
  #lastHref: string | undefined;
  #connection: ConnectionTimings | null = null;
  #socket: Socket | undefined;
  #peer: string | null = null;
  #h2Fields: readonly string[] | undefined;
  #httpVersion = '1.1';
  #settled = false;
  #ended = false;
  #response: IncomingHttpHeaders | undefined;
  #status: number | null = null;
  #headerBytes: number | null = null;
  #ttfb: number | null = null;
  #body: BodyCounter | undefined;
  #scan: ((decoded: Buffer) => void) | undefined;
  readonly exchangeLog: ExchangeLog | undefined;

  constructor(context: MeasureContext, of: AttemptOf, resolve: (attempt: Attempt) => void) {
    this.#context = context;
    this.#of = of;
    this.#resolve = resolve;
    this.exchangeLog = of.exchanges === true ? new ExchangeLog() : undefined;
    this.#timer = setTimeout(Measurement.#expire, context.options.timeoutMs, this);
    this.#slot = context.inFlight.add(this);
  }

  static #expire(measurement: Measurement): void {
    const seconds = measurement.#context.options.timeoutMs / 1000;
    measurement.#finish(new MeasureError('TIMEOUT', `no complete response within ${seconds} s`));
  }

  /** Ends the measurement now with `reason` (an `ABORTED` record unless it says otherwise). */
  abort(reason: unknown): void {
    this.#finish(reason instanceof MeasureError ? reason : new MeasureError('ABORTED', 'the run was interrupted', { cause: reason }));
  }

  onHop(origin: string, path: string): void {
    this.#hops++;
    this.#lastOrigin = origin;
    this.#lastHref = origin + path;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.#settled) {
      controller.abort(new MeasureError('ABORTED', 'measurement already ended'));
      return;
    }
    this.#connection = null;
    this.#socket = undefined;
    this.#h2Fields = undefined;
    this.#context.connections.requestStarting(this, this.#lastOrigin);
  }

  onConnection(timings: ConnectionTimings | null, socket: Socket, peer: string | null): void {
    this.#connection = timings;
    this.#socket = socket;
    this.#peer = peer;
    // Before the response, the version of its status line is not known: ALPN's, else 1.1.
    this.exchangeLog?.connected(timings, (socket as Socket & { alpnProtocol?: string | false }).alpnProtocol === 'h2' ? '2' : '1.1');
  }

  onRawHeaders(fields: readonly string[]): void {
    this.#h2Fields = fields;
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    if (this.#settled) return;
    const { options } = this.#context;
    this.#ttfb = performance.now() - this.#start;
    this.#response = headers;
    this.#status = statusCode;
    if (this.#socket) this.#httpVersion = responseVersion(this.#socket);
    this.#headerBytes = headerBlockSize(statusCode, statusMessage, this.#h2Fields ?? controller.rawHeaders, this.#httpVersion);
    const codings = options.compression ? contentCodings(joinedValue(headers, 'content-encoding')) : [];
    this.#body = new BodyCounter(codings, options.maxSize, this);
    const scan = this.#of.scan;
    if (scan !== undefined) {
      const url = this.#lastHref;
      const addressSpace = url === undefined ? 'public' : responseSpace(this.#peer, url);
      this.#scan = scan({ url: url ?? '', status: statusCode, contentType: lastValue(headers, 'content-type'), addressSpace });
    }
    if (options.follow && redirectStatuses.has(statusCode) && headers.location !== undefined && this.#redirects() >= options.maxRedirects) {
      this.#finish(new MeasureError('TOO_MANY_REDIRECTS', `more than ${options.maxRedirects} redirects`));
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (!this.#settled) this.#body?.write(chunk, controller);
  }

  onResponseEnd(): void {
    this.#ended = true;
    if (!this.#settled) this.#body?.end();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish(error);
  }

  /** The decoded body as it streams, for the scanner that asked for it. */
  onDecoded(decoded: Buffer): void {
    this.#scan?.(decoded);
  }

  /** The body counter's end: the body is counted, or could not be decoded. */
  onEnd(error: MeasureError | null): void {
    this.#finish(error);
  }

  #redirects(): number {
    return Math.max(this.#hops - 1, 0);
  }

  // Settles once: stops the timer, the decoders and (if still reading) the request.
  #finish(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#context.inFlight.delete(this.#slot);
    this.#body?.destroy();
    if (!this.#ended) this.#controller?.abort(error instanceof Error ? error : stoppedReading);
    const record = this.#toRecord(error === null ? null : toRecordError(error));
    this.#resolve({
      record,
      retryAfter: (this.#response && lastValue(this.#response, 'retry-after')) ?? undefined,
      ...(record.finalUrl !== null && this.#response ? { addressSpace: responseSpace(this.#peer, record.finalUrl) } : {}),
      ...(this.exchangeLog ? { exchanges: this.exchangeLog.entries(record) } : {}),
    });
  }

  #toRecord(error: RecordError | null): SizeRecord {
    const headers = this.#response;
    const body = this.#body;
    const connection = this.#connection;
    const { url, index, attempt, firstStart } = this.#of;
    const now = performance.now();
    return createRecord(url, index, {
      // The URL of the last request made, once a response came or a redirect was followed.
      finalUrl: headers || this.#hops > 1 ? (this.#lastHref ?? null) : null,
      status: this.#status,
      bytes: body?.bytes ?? null,
      encodedBytes: body?.encodedBytes ?? null,
      headerBytes: this.#headerBytes,
      contentType: headers ? lastValue(headers, 'content-type') : null,
      contentEncoding: headers ? joinedValue(headers, 'content-encoding') : null,
      httpVersion: headers ? this.#httpVersion : null,
      redirects: this.#redirects(),
      attempts: attempt,
      truncated: body?.truncated ?? false,
      timings: {
        dns: connection?.dns ?? null,
        connect: connection?.connect ?? null,
        tls: connection?.tls ?? null,
        ttfb: this.#ttfb === null ? null : roundMs(this.#ttfb),
        total: roundMs(now - firstStart),
      },
      error,
    });
  }
}
