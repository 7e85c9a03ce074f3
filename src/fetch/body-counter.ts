import type { Transform } from 'node:stream';
import { MeasureError } from '../errors.js';
import { createDecoders } from './decoders.js';

/** Lets the counter hold the sender back while a decoder is full. */
export interface FlowControl {
  pause(): void;
  resume(): void;
}

/** Told about the decoded body: each chunk as it comes (for scanners), and the end. */
export interface BodySink {
  onDecoded?(chunk: Buffer): void;
  /** Once: null when the body ended or `maxSize` was reached, else why decoding failed. */
  onEnd(error: MeasureError | null): void;
}

/**
 * Counts one response body chunk by chunk, encoded and decoded, and never holds
 * it: the codings are removed through zlib streams built when the first bytes
 * show what they hold (raw deflate or zlib), and the count stops at `maxSize`.
 */
export class BodyCounter {
  readonly #codings: readonly string[];
  readonly #maxSize: number;
  readonly #sink: BodySink;
  #decoders: Transform[] | undefined;
  // The first bytes of an encoded body, until there are enough to tell raw deflate from zlib.
  #head: Buffer | undefined;
  #done = false;
  bytes = 0;
  encodedBytes = 0;
  truncated = false;

  constructor(codings: readonly string[], maxSize: number, sink: BodySink) {
    this.#codings = codings;
    this.#maxSize = maxSize;
    this.#sink = sink;
  }

  write(chunk: Buffer, flow: FlowControl): void {
    if (this.#done) return;
    this.encodedBytes += chunk.length;
    if (this.#codings.length === 0) {
      this.#count(chunk);
      return;
    }
    if (this.#decoders) {
      this.#decode(chunk, flow);
      return;
    }
    const head = this.#head ? Buffer.concat([this.#head, chunk]) : chunk;
    if (head.length < 2) {
      this.#head = head;
      return;
    }
    this.#head = undefined;
    if (this.#startDecoding(head)) this.#decode(head, flow);
  }

  end(): void {
    if (this.#done) return;
    const head = this.#head;
    this.#head = undefined;
    if (head && !this.#startDecoding(head)) return;
    const input = this.#decoders?.[0];
    if (!input) {
      this.#settle(null);
      return;
    }
    if (head) input.write(head);
    input.end();
  }

  /** Stops decoding; the sink hears nothing more. */
  destroy(): void {
    this.#done = true;
    for (const decoder of this.#decoders ?? []) decoder.destroy();
  }

  #decode(chunk: Buffer, flow: FlowControl): void {
    const input = this.#decoders?.[0];
    if (input?.write(chunk) === false) {
      flow.pause();
      input.once('drain', () => {
        flow.resume();
      });
    }
  }

  #startDecoding(first: Buffer): boolean {
    const decoders = createDecoders(this.#codings, first);
    if (decoders instanceof MeasureError) {
      this.#settle(decoders);
      return false;
    }
    for (let i = 0; i < decoders.length; i++) {
      const decoder = decoders[i] as Transform;
      decoder.on('error', (error: Error) => {
        this.#settle(new MeasureError('DECODE', `cannot decode ${this.#codings.join(', ')} body: ${error.message}`, { cause: error }));
      });
      const next = decoders[i + 1];
      if (next) decoder.pipe(next);
    }
    const output = decoders.at(-1) as Transform;
    output.on('data', (decoded: Buffer) => {
      this.#count(decoded);
    });
    output.once('end', () => {
      this.#settle(null);
    });
    this.#decoders = decoders;
    return true;
  }

  #count(decoded: Buffer): void {
    const room = this.#maxSize - this.bytes;
    if (decoded.length > room) {
      this.bytes = this.#maxSize;
      this.truncated = true;
      if (room > 0) this.#sink.onDecoded?.(decoded.subarray(0, room));
      this.#settle(null);
      return;
    }
    this.bytes += decoded.length;
    this.#sink.onDecoded?.(decoded);
  }

  #settle(error: MeasureError | null): void {
    if (this.#done) return;
    this.destroy();
    this.#sink.onEnd(error);
  }
}
