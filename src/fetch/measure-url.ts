import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Transform } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { ConnectionListener, Connections, ConnectionTimings } from './connections.js';
import { contentCodings, createDecoders } from './decoders.js';
import { toRecordError } from './error-codes.js';
import type { ResolvedOptions } from '../options.js';
import { MeasureError, roundMs, type RecordError, type SizeRecord } from '../record.js';
import { Slots } from '../pool/slots.js';
import type { Target } from '../input/targets.js';

/** One attempt's record, and the server's Retry-After if it sent one. */
export interface Attempt {
  record: SizeRecord;
  retryAfter: string | undefined;
}

/** What every measurement of one run shares. */
export interface MeasureContext {
  options: ResolvedOptions;
  connections: Connections;
  /** The measurements in flight, so that aborting the run reaches each of them. */
  inFlight: Slots<Measurement>;
}

// The reason given to undici when a body is no longer wanted (--max-size):
// made once, since an Error captures a stack trace.
const stoppedReading = new MeasureError('ABORTED', 'stopped reading the body');

const redirectStatuses = new Set([300, 301, 302, 303, 307, 308]);

function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

// The status line and header block as HTTP/1.1 puts them on the wire, final CRLF included.
function headerBlockSize(statusCode: number, statusMessage: string, rawHeaders: unknown): number {
  let size = `HTTP/1.1 ${statusCode} ${statusMessage}\r\n\r\n`.length;
  if (!Array.isArray(rawHeaders)) return size;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    size += byteLength(rawHeaders[i]) + byteLength(rawHeaders[i + 1]) + 4;
  }
  return size;
}

function byteLength(part: unknown): number {
  if (Buffer.isBuffer(part)) return part.length;
  return typeof part === 'string' ? Buffer.byteLength(part) : 0;
}

/**
 * One URL's measurement, and undici's handler for it: counts the body chunk by
 * chunk as it streams (through zlib when it is encoded), never holding it.
 */
export class Measurement implements Dispatcher.DispatchHandler, ConnectionListener {
  readonly #context: MeasureContext;
  readonly #target: Target;
  readonly #url: string;
  readonly #index: number;
  readonly #start = performance.now();
  readonly #resolve: (attempt: Attempt) => void;
  readonly #timer: NodeJS.Timeout;
  readonly #slot: number;
  #controller: Dispatcher.DispatchController | undefined;
  #history: URL[] | undefined;
  #connection: ConnectionTimings | null = null;
  #httpVersion = '1.1';
  #settled = false;
  #response: IncomingHttpHeaders | undefined;
  #status: number | null = null;
  #headerBytes: number | null = null;
  #ttfb: number | null = null;
  #codings: string[] = [];
  #decoders: Transform[] | undefined;
  // The first bytes of an encoded body, until there are enough to tell raw deflate from zlib.
  #head: Buffer | undefined;
  #bytes = 0;
  #encodedBytes = 0;
  #truncated = false;
  #ended = false;

  constructor(context: MeasureContext, target: Target, url: string, index: number, resolve: (attempt: Attempt) => void) {
    this.#context = context;
    this.#target = target;
    this.#url = url;
    this.#index = index;
    this.#resolve = resolve;
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

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#controller = controller;
    if (this.#settled) {
      controller.abort(new MeasureError('ABORTED', 'measurement already ended'));
      return;
    }
    this.#history = (context as { history?: URL[] } | undefined)?.history;
    this.#connection = null;
    this.#context.connections.requestStarting(this);
  }

  onConnection(timings: ConnectionTimings | null, socket: Socket): void {
    this.#connection = timings;
    this.#httpVersion = (socket as Socket & { alpnProtocol?: string | false }).alpnProtocol === 'h2' ? '2' : '1.1';
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
    // HTTP/2 has no reason phrase: count the one HTTP/1.1 would send (SPEC: as if HTTP/1.1).
    const reason = this.#httpVersion === '2' ? (STATUS_CODES[statusCode] ?? '') : (statusMessage ?? '');
    this.#headerBytes = headerBlockSize(statusCode, reason, controller.rawHeaders);
    this.#codings = options.compression ? contentCodings(firstValue(headers['content-encoding']) ?? undefined) : [];
    if (options.follow && redirectStatuses.has(statusCode) && headers.location !== undefined && this.#redirects() >= options.maxRedirects) {
      this.#finish(new MeasureError('TOO_MANY_REDIRECTS', `more than ${options.maxRedirects} redirects`));
    }
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#encodedBytes += chunk.length;
    if (this.#codings.length === 0) {
      this.#count(chunk.length);
      return;
    }
    if (this.#decoders) {
      this.#decode(controller, chunk);
      return;
    }
    const head = this.#head ? Buffer.concat([this.#head, chunk]) : chunk;
    if (head.length < 2) {
      this.#head = head;
      return;
    }
    this.#head = undefined;
    if (this.#startDecoding(head)) this.#decode(controller, head);
  }

  onResponseEnd(controller: Dispatcher.DispatchController): void {
    this.#ended = true;
    if (this.#settled) return;
    if (this.#head && this.#startDecoding(this.#head)) this.#decode(controller, this.#head);
    const input = this.#decoders?.[0];
    if (input) input.end();
    else this.#finish(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.#finish(error);
  }

  #decode(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    const input = this.#decoders?.[0];
    if (input?.write(chunk) === false) {
      controller.pause();
      input.once('drain', () => {
        controller.resume();
      });
    }
  }

  #startDecoding(first: Buffer): Transform[] | undefined {
    const decoders = createDecoders(this.#codings, first);
    if (decoders instanceof MeasureError) {
      this.#finish(decoders);
      return undefined;
    }
    for (let i = 0; i < decoders.length; i++) {
      const decoder = decoders[i] as Transform;
      decoder.on('error', (error: Error) => {
        this.#finish(new MeasureError('DECODE', `cannot decode ${this.#codings.join(', ')} body: ${error.message}`, { cause: error }));
      });
      const next = decoders[i + 1];
      if (next) decoder.pipe(next);
    }
    const output = decoders.at(-1) as Transform;
    output.on('data', (decoded: Buffer) => {
      this.#count(decoded.length);
    });
    output.once('end', () => {
      this.#finish(null);
    });
    this.#decoders = decoders;
    return decoders;
  }

  #count(decodedLength: number): void {
    this.#bytes += decodedLength;
    const { maxSize } = this.#context.options;
    if (this.#bytes > maxSize) {
      this.#bytes = maxSize;
      this.#truncated = true;
      this.#finish(null);
    }
  }

  #redirects(): number {
    return this.#history ? Math.max(this.#history.length - 1, 0) : 0;
  }

  // Settles once: stops the timer, the decoders and (if still reading) the request.
  #finish(error: unknown): void {
    if (this.#settled) return;
    this.#settled = true;
    clearTimeout(this.#timer);
    this.#context.inFlight.delete(this.#slot);
    for (const decoder of this.#decoders ?? []) decoder.destroy();
    if (!this.#ended) this.#controller?.abort(error instanceof Error ? error : stoppedReading);
    this.#resolve({
      record: this.#toRecord(error === null ? null : toRecordError(error)),
      retryAfter: firstValue(this.#response?.['retry-after']) ?? undefined,
    });
  }

  #toRecord(error: RecordError | null): SizeRecord {
    const headers = this.#response;
    const responded = headers !== undefined;
    const connection = this.#connection;
    return {
      url: this.#url,
      index: this.#index,
      finalUrl: this.#history?.at(-1)?.href ?? (responded ? this.#target.url.href : null),
      status: this.#status,
      bytes: responded ? this.#bytes : null,
      encodedBytes: responded ? this.#encodedBytes : null,
      headerBytes: this.#headerBytes,
      contentType: responded ? firstValue(headers['content-type']) : null,
      contentEncoding: responded ? firstValue(headers['content-encoding']) : null,
      httpVersion: responded ? this.#httpVersion : null,
      redirects: this.#redirects(),
      attempts: 1,
      truncated: this.#truncated,
      timings: {
        dns: connection?.dns ?? null,
        connect: connection?.connect ?? null,
        tls: connection?.tls ?? null,
        ttfb: this.#ttfb === null ? null : roundMs(this.#ttfb),
        total: roundMs(performance.now() - this.#start),
      },
      error,
    };
  }
}

/** Measures one URL once; never rejects: every failure becomes the record's `error`. */
export function measureUrl(context: MeasureContext, target: Target, url: string, index: number): Promise<Attempt> {
  return new Promise((resolve) => {
    const measurement = new Measurement(context, target, url, index, resolve);
    const { url: requestUrl, authorization } = target;
    const { headers } = context.options;
    try {
      context.connections.dispatcher.dispatch(
        {
          origin: requestUrl.origin,
          path: `${requestUrl.pathname}${requestUrl.search}`,
          method: 'GET',
          // A fresh object per request: undici's proxy agents add a Host header to it.
          headers: authorization === undefined ? { ...headers } : { ...headers, authorization },
        },
        measurement,
      );
    } catch (error) {
      measurement.abort(error instanceof Error ? new MeasureError('INVALID_URL', error.message) : error);
    }
  });
}
