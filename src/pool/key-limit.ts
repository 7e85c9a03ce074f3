/**
 * At most `perKey` holders per key (an origin) at once. A caller that finds its
 * key busy waits here, outside the request gate, so that requests for other
 * keys keep the gate's slots; a released place passes straight to the next
 * waiter of that key, in arrival order.
 */
export class KeyLimit {
  readonly #perKey: number;
  readonly #holders = new Map<string, number>();
  readonly #waiting = new Map<string, (() => void)[]>();
  #waitingCount = 0;
  #open = false;

  constructor(perKey: number) {
    this.#perKey = perKey;
  }

  /** Callers waiting for their key now. */
  get waiting(): number {
    return this.#waitingCount;
  }

  /** Takes a place for `key`: undefined when one was free (no tick lost), else a promise of it. */
  acquire(key: string): Promise<void> | undefined {
    if (this.#open) return undefined;
    const holders = this.#holders.get(key) ?? 0;
    if (holders < this.#perKey) {
      this.#holders.set(key, holders + 1);
      return undefined;
    }
    return new Promise((resolve) => {
      const queue = this.#waiting.get(key);
      if (queue) queue.push(resolve);
      else this.#waiting.set(key, [resolve]);
      this.#waitingCount++;
    });
  }

  release(key: string): void {
    if (this.#open) return;
    const queue = this.#waiting.get(key);
    const next = queue?.shift();
    if (next) {
      if (queue?.length === 0) this.#waiting.delete(key);
      this.#waitingCount--;
      next();
      return;
    }
    const holders = (this.#holders.get(key) ?? 1) - 1;
    if (holders === 0) this.#holders.delete(key);
    else this.#holders.set(key, holders);
  }

  /** Lets every waiter go and stops limiting (the run is stopping: what waits must end fast). */
  open(): void {
    this.#open = true;
    for (const queue of this.#waiting.values()) for (const resolve of queue) resolve();
    this.#waiting.clear();
    this.#waitingCount = 0;
  }
}
