import pLimit, { type LimitFunction } from 'p-limit';
import { KeyLimit } from './key-limit.js';
import { RateLimit } from './rate-limit.js';

export interface GateOptions {
  /** Requests in flight at most: p-limit's concurrency. */
  concurrency: number;
  /** Requests in flight per key (an origin) at most. */
  perKey: number;
  /** Request starts in any one-second window at most. */
  rate: number;
  /** Once aborted, nothing waits any more: what is queued runs at once (and ends fast). */
  signal: AbortSignal;
}

/**
 * The one gate every request passes, whoever makes it (an input URL, a retry,
 * later a page's subresources): p-limit holds the `concurrency` slots, a key
 * limit in front of it keeps a busy origin from taking them all, and the rate
 * is taken inside the slot, at the moment the request really starts. A task
 * that waits for anything else (a retry's backoff, its other requests) is not
 * in the gate and holds no slot.
 */
export class RequestGate {
  readonly concurrency: number;
  readonly #limit: LimitFunction;
  readonly #keys: KeyLimit | undefined;
  readonly #rate: RateLimit;
  readonly #onRoom: (() => void)[] = [];

  constructor({ concurrency, perKey, rate, signal }: GateOptions) {
    this.concurrency = concurrency;
    this.#limit = pLimit(concurrency);
    this.#keys = Number.isFinite(perKey) ? new KeyLimit(perKey) : undefined;
    this.#rate = new RateLimit(rate);
    signal.addEventListener(
      'abort',
      () => {
        this.#keys?.open();
        this.#rate.stop();
      },
      { once: true },
    );
  }

  /** Whether per-key limits apply, so that callers need to compute keys at all. */
  get limitsKeys(): boolean {
    return this.#keys !== undefined;
  }

  /** Requests in a slot now. */
  get activeCount(): number {
    return this.#limit.activeCount;
  }

  /** Requests queued for a slot (past their key limit). */
  get pendingCount(): number {
    return this.#limit.pendingCount;
  }

  /** Requests waiting for their busy key, outside the slots. */
  get waitingForKey(): number {
    return this.#keys?.waiting ?? 0;
  }

  /** Whether one more request would get a slot without queueing. */
  hasRoom(): boolean {
    return this.#limit.activeCount + this.#limit.pendingCount < this.concurrency;
  }

  /** Calls `listener` each time a request leaves the gate. */
  onRoom(listener: () => void): void {
    this.#onRoom.push(listener);
  }

  /** Runs `request` once its key and a slot allow; `key` undefined means no key limit. */
  run<T>(key: string | undefined, request: () => Promise<T>): Promise<T> {
    const keys = key === undefined ? undefined : this.#keys;
    const held = keys?.acquire(key as string);
    const started = held ? held.then(() => this.#enter(request)) : this.#enter(request);
    return started.finally(() => {
      if (keys) keys.release(key as string);
      for (const listener of this.#onRoom) listener();
    });
  }

  #enter<T>(request: () => Promise<T>): Promise<T> {
    if (!this.#rate.limited) return this.#limit(request);
    return this.#limit(async () => {
      await this.#rate.wait();
      return request();
    });
  }
}
