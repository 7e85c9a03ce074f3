/**
 * Waits before retries outside the request gate, so a backoff holds no slot;
 * counts the sleepers (the puller bounds them) and wakes them all when the run
 * stops, so that no retry outlives it.
 */
export class RetrySleeper {
  readonly #sleeping = new Map<NodeJS.Timeout, () => void>();
  readonly #onSleep: (() => void)[] = [];

  constructor(signal: AbortSignal) {
    signal.addEventListener(
      'abort',
      () => {
        this.wakeAll();
      },
      { once: true },
    );
  }

  get size(): number {
    return this.#sleeping.size;
  }

  /** Calls `listener` each time a task starts to sleep (it no longer counts against the puller's window). */
  onSleep(listener: () => void): void {
    this.#onSleep.push(listener);
  }

  sleep(ms: number): Promise<void> {
    const slept = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.#sleeping.delete(timer);
        resolve();
      }, ms);
      this.#sleeping.set(timer, resolve);
    });
    for (const listener of this.#onSleep) listener();
    return slept;
  }

  wakeAll(): void {
    for (const [timer, resolve] of this.#sleeping) {
      clearTimeout(timer);
      resolve();
    }
    this.#sleeping.clear();
  }
}
