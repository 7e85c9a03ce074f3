import { performance } from 'node:perf_hooks';

/**
 * At most `perSecond` starts in any one-second window: the start times of the
 * last `perSecond` starts are kept in a ring, and a new start is allowed once
 * the oldest of them is a second old.
 */
export class RateLimit {
  readonly #starts: Float64Array;
  readonly #waiting = new Map<NodeJS.Timeout, () => void>();
  #stopped = false;
  #next = 0;

  constructor(perSecond: number) {
    this.#starts = new Float64Array(Number.isFinite(perSecond) ? perSecond : 0).fill(-Infinity);
  }

  get limited(): boolean {
    return this.#starts.length > 0;
  }

  /** Milliseconds until a start is allowed; 0 means now, and the start is counted. */
  take(now = performance.now()): number {
    if (this.#starts.length === 0) return 0;
    const oldest = this.#starts[this.#next] ?? -Infinity;
    const wait = oldest + 1000 - now;
    if (wait > 0) return wait;
    this.#starts[this.#next] = now;
    this.#next = (this.#next + 1) % this.#starts.length;
    return 0;
  }

  /** Resolves when a start is allowed (and counts it), or at once after `stop()`. */
  async wait(): Promise<void> {
    for (let wait = this.take(); wait > 0 && !this.#stopped; wait = this.take()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.#waiting.delete(timer);
          resolve();
        }, wait);
        this.#waiting.set(timer, resolve);
      });
    }
  }

  /** Lets every waiter go now and from now on: the run is stopping. */
  stop(): void {
    this.#stopped = true;
    for (const [timer, resolve] of this.#waiting) {
      clearTimeout(timer);
      resolve();
    }
    this.#waiting.clear();
  }
}
