import type { Writable } from 'node:stream';

// Lines finished in one turn of the event loop go out in one write, up to this size.
const batchBytes = 64 * 1024;

/**
 * Writes whole lines to a stream, waiting for 'drain' when it is full (so the
 * caller stops pulling work) and turning a closed pipe (EPIPE) into a quiet stop.
 * Lines written in the same turn of the event loop are joined into one write
 * at its end: a record still leaves at once, but 20 000 records done in a
 * burst cost far fewer system calls than one each. A terminal gets each line
 * as it comes, so that it never lands after a progress line drawn meanwhile.
 */
export class LineWriter {
  readonly #stream: Writable;
  readonly #batch: boolean;
  #pending = '';
  #flushScheduled = false;
  #closed = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(stream: Writable, { batch = true }: { batch?: boolean } = {}) {
    this.#stream = stream;
    this.#batch = batch;
    stream.on('error', this.#onError);
    stream.on('close', this.#onClose);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Why the stream closed, unless it was a reader going away (EPIPE), which is no failure. */
  get failure(): Error | undefined {
    return this.#error;
  }

  /** Resolves true once the line is accepted, false when the stream has closed. */
  async write(line: string): Promise<boolean> {
    if (this.#closed) return false;
    this.#add(line);
    if (!this.#stream.writableNeedDrain) return true;
    return this.#drain();
  }

  /**
   * Writes at once, for a caller that cannot wait (a callback of the run); the
   * stream may fill up past its mark, and the next `write()` or `drained()` waits.
   */
  writeNow(text: string): void {
    if (!this.#closed) this.#add(text);
  }

  /** Writes what is batched now, as before the stream is ended. */
  flush(): void {
    if (this.#pending === '') return;
    const text = this.#pending;
    this.#pending = '';
    if (!this.#closed) this.#stream.write(text);
  }

  #add(text: string): void {
    this.#pending += text;
    if (!this.#batch || this.#pending.length >= batchBytes) {
      this.flush();
    } else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setImmediate(this.#onImmediate);
    }
  }

  readonly #onImmediate = (): void => {
    this.#flushScheduled = false;
    this.flush();
  };

  /** Resolves true once the stream can take more, false when it has closed. */
  async drained(): Promise<boolean> {
    if (this.#closed) return false;
    this.flush();
    return this.#stream.writableNeedDrain ? this.#drain() : true;
  }

  async #drain(): Promise<boolean> {
    this.flush();
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      this.#stream.once('drain', this.#onDrain);
    });
    return !this.#closed;
  }

  dispose(): void {
    this.flush();
    this.#stream.off('drain', this.#onDrain);
    this.#stream.off('close', this.#onClose);
    // Keep swallowing a late EPIPE: it must not become an uncaught error.
  }

  readonly #onDrain = (): void => {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  };

  readonly #onError = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') this.#error ??= error;
    this.#onClose();
  };

  readonly #onClose = (): void => {
    this.#closed = true;
    this.#onDrain();
  };
}
