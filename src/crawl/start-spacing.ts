import { performance } from 'node:perf_hooks';

/**
 * robots.txt's Crawl-delay: the least gap between the starts of two page
 * requests to one origin. Pages of an origin with a delay take turns: each
 * waits for the one before it to start, then for the gap to pass (sleeping
 * outside the request gate, so it holds no slot), and marks its own start
 * when its request really takes its slot.
 */
export class StartSpacing {
  readonly #sleep: (ms: number) => Promise<void>;
  // The last start of each origin, and the turn the next page waits for.
  readonly #lastStart = new Map<string, number>();
  readonly #turns = new Map<string, Promise<void>>();

  constructor(sleep: (ms: number) => Promise<void>) {
    this.#sleep = sleep;
  }

  /** Waits for the turn of a page of `origin`; resolves to the function to call when its request starts. */
  async turn(origin: string, gapMs: number): Promise<() => void> {
    const before = this.#turns.get(origin) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.#turns.set(origin, mine);
    await before;
    const wait = (this.#lastStart.get(origin) ?? -Infinity) + gapMs - performance.now();
    if (wait > 0) await this.#sleep(wait);
    let started = false;
    return () => {
      if (started) return;
      started = true;
      this.#lastStart.set(origin, performance.now());
      if (this.#turns.get(origin) === mine) this.#turns.delete(origin);
      release();
    };
  }
}
