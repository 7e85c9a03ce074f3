import type { Writable } from 'node:stream';

/**
 * Writes whole lines to a stream, waiting for 'drain' when it is full (so the
 * caller stops pulling work) and turning a closed pipe (EPIPE) into a quiet stop.
 */
export class LineWriter {
  readonly #stream: Writable;
  #closed = false;
  #error: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(stream: Writable) {
    this.#stream = stream;
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
    if (this.#stream.write(line)) return true;
    return this.#drain();
  }

  /**
   * Writes at once, for a caller that cannot wait (a callback of the run); the
   * stream may fill up past its mark, and the next `write()` or `drained()` waits.
   */
  writeNow(text: string): void {
    if (!this.#closed) this.#stream.write(text);
  }

  /** Resolves true once the stream can take more, false when it has closed. */
  async drained(): Promise<boolean> {
    if (this.#closed) return false;
    return this.#stream.writableNeedDrain ? this.#drain() : true;
  }

  async #drain(): Promise<boolean> {
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      this.#stream.once('drain', this.#onDrain);
    });
    return !this.#closed;
  }

  dispose(): void {
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
