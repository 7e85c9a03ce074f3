import pLimit from 'p-limit';
import { Queue } from './queue.js';
import { RateLimit } from './rate-limit.js';

export interface PoolOptions<I, R> {
  /** Tasks running at once, at most. */
  concurrency: number;
  /** Yield in input order instead of completion order. */
  ordered: boolean;
  /** Stops pulling inputs and starts what was pulled at once (tasks see the signal and end fast). */
  signal: AbortSignal;
  /** Tasks running at once per key (an origin), at most. */
  perKey?: number;
  keyOf?: (input: I) => string | undefined;
  /** Task starts in any one-second window, at most (retries count). */
  rate?: number;
  /** Milliseconds to wait before running the input again, or undefined to keep `result`. */
  retryDelay?: (result: R, attempt: number) => number | undefined;
}

interface Item<I> {
  input: I;
  sequence: number;
  attempt: number;
  key: string | undefined;
}

const none = Symbol('none');

// How many results may wait behind a slow one in ordered mode, per slot.
const orderedWindowPerSlot = 4;
// How far past URLs of busy origins the reader may look for work for free slots,
// and how many URLs may sleep before a retry at once.
export const perKeyLookahead = (concurrency: number): number => Math.max(1000, 10 * concurrency);

/**
 * Runs `task` over `inputs` with at most `concurrency` tasks at once (p-limit
 * enforces it), optionally at most `perKey` per key and `rate` starts a
 * second, and yields results as they complete, or in input order.
 *
 * Inputs are pulled only when a slot is free: an input whose key is busy is
 * set aside (up to a bounded lookahead) so that inputs of other keys can use
 * the slot. A retry waits outside the slots. When the consumer stops taking
 * results (a slow stdout), the pool stops pulling input instead of buffering.
 */
export async function* runPool<I, R>(
  inputs: AsyncIterator<I>,
  task: (input: I, attempt: number) => Promise<R>,
  options: PoolOptions<I, R>,
): AsyncGenerator<R> {
  const { concurrency, ordered, signal, keyOf, retryDelay } = options;
  const perKey = options.perKey ?? Infinity;
  const limit = pLimit(concurrency);
  const rate = new RateLimit(options.rate ?? Infinity);
  const lookahead = Number.isFinite(perKey) ? perKeyLookahead(concurrency) : 0;
  const window = (ordered ? concurrency * orderedWindowPerSlot : concurrency) + lookahead;
  const maxSleeping = perKeyLookahead(concurrency);
  // Ordered: results by input position, until their turn. Unordered: a queue
  // in completion order.
  const waitingTurn = new Map<number, R>();
  const completed = new Queue<R>();
  const ready: Item<I>[] = [];
  const waiting = new Map<string | undefined, Item<I>[]>();
  const activeByKey = new Map<string | undefined, number>();
  const sleeping = new Map<NodeJS.Timeout, Item<I>>();
  let waitingCount = 0;
  let active = 0;
  let pulled = 0;
  let yielded = 0;
  let rateTimer: NodeJS.Timeout | undefined;
  // Flags set by callbacks, read by the loop below: kept in an object so that
  // TypeScript does not narrow them to their initial values inside the loop.
  const state: { pulling: boolean; exhausted: boolean; failure?: { error: unknown } } = { pulling: false, exhausted: false };
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  // Without a per-key limit, keys are neither computed nor counted.
  const limitsKeys = Number.isFinite(perKey) && keyOf !== undefined;
  const hasRoom = (key: string | undefined): boolean => !limitsKeys || signal.aborted || (activeByKey.get(key) ?? 0) < perKey;

  const setAside = (item: Item<I>): void => {
    const queue = waiting.get(item.key);
    if (queue) queue.push(item);
    else waiting.set(item.key, [item]);
    waitingCount++;
  };

  const enqueue = (item: Item<I>): void => {
    if (hasRoom(item.key)) ready.push(item);
    else setAside(item);
  };

  // The first ready item whose key still has room; the others wait for their key.
  const takeStartable = (): Item<I> | undefined => {
    for (let item = ready.shift(); item; item = ready.shift()) {
      if (hasRoom(item.key)) return item;
      setAside(item);
    }
    return undefined;
  };

  const wakeRetry = (timer: NodeJS.Timeout): void => {
    const item = sleeping.get(timer);
    clearTimeout(timer);
    sleeping.delete(timer);
    if (!item) return;
    item.attempt++;
    enqueue(item);
  };

  // The next item of a key that has room again, once one of its tasks ended.
  const release = (key: string | undefined): void => {
    const queue = waiting.get(key);
    const next = queue?.shift();
    if (!next) return;
    if (queue?.length === 0) waiting.delete(key);
    waitingCount--;
    ready.push(next);
  };

  const finish = (item: Item<I>, result: R): void => {
    active--;
    if (limitsKeys) activeByKey.set(item.key, (activeByKey.get(item.key) ?? 1) - 1);
    release(item.key);
    const delay = signal.aborted ? undefined : retryDelay?.(result, item.attempt);
    if (delay === undefined) {
      if (ordered) waitingTurn.set(item.sequence, result);
      else completed.push(result);
    } else {
      const timer = setTimeout(() => {
        wakeRetry(timer);
        fill();
      }, delay);
      sleeping.set(timer, item);
    }
    fill();
    notify();
  };

  const start = (item: Item<I>): void => {
    active++;
    if (limitsKeys) activeByKey.set(item.key, (activeByKey.get(item.key) ?? 0) + 1);
    limit(task, item.input, item.attempt).then(
      (result) => {
        finish(item, result);
      },
      (error: unknown) => {
        state.failure ??= { error };
        notify();
      },
    );
  };

  function fill(): void {
    if (state.failure) return;
    while (active < concurrency) {
      const item = takeStartable();
      if (!item) break;
      const wait = signal.aborted ? 0 : rate.take();
      if (wait > 0) {
        ready.unshift(item);
        rateTimer ??= setTimeout(() => {
          rateTimer = undefined;
          fill();
        }, wait);
        return;
      }
      start(item);
    }
    if (state.pulling || state.exhausted || signal.aborted || active >= concurrency) return;
    if (waitingCount >= lookahead && waitingCount > 0) return;
    // Items sleeping before a retry hold no slot, so they do not count against
    // the window; their own number is bounded so that memory stays flat.
    if (sleeping.size >= maxSleeping) return;
    if (pulled - yielded - sleeping.size >= window) return;
    state.pulling = true;
    inputs.next().then(onPulled, onPullFailed);
  }

  function onPulled(next: IteratorResult<I>): void {
    state.pulling = false;
    if (next.done === true) {
      state.exhausted = true;
    } else {
      enqueue({ input: next.value, sequence: pulled++, attempt: 1, key: limitsKeys ? keyOf(next.value) : undefined });
      fill();
    }
    notify();
  }

  function onPullFailed(error: unknown): void {
    state.pulling = false;
    state.exhausted = true;
    state.failure ??= { error };
    notify();
  }

  // On abort, what was pulled runs at once (and ends fast), retries stop sleeping.
  const onAbort = (): void => {
    for (const queue of waiting.values()) ready.push(...queue);
    waiting.clear();
    waitingCount = 0;
    for (const timer of [...sleeping.keys()]) wakeRetry(timer);
    fill();
    notify();
  };

  const takeInTurn = (): R | typeof none => {
    if (!waitingTurn.has(yielded)) return none;
    const result = waitingTurn.get(yielded) as R;
    waitingTurn.delete(yielded);
    return result;
  };

  const takeCompleted = (): R | typeof none => (completed.size === 0 ? none : (completed.shift() as R));

  signal.addEventListener('abort', onAbort, { once: true });
  try {
    fill();
    for (;;) {
      if (state.failure) throw state.failure.error;
      const result = ordered ? takeInTurn() : takeCompleted();
      if (result !== none) {
        yielded++;
        yield result;
        fill();
        continue;
      }
      const idle = active === 0 && ready.length === 0 && waitingCount === 0 && sleeping.size === 0;
      if ((state.exhausted || signal.aborted) && idle && !state.pulling) return;
      if (signal.aborted && idle) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    clearTimeout(rateTimer);
    for (const timer of sleeping.keys()) clearTimeout(timer);
    // A pull still under way (stdin waiting for a line) would make return() wait for it.
    if (!state.pulling) await inputs.return?.();
  }
}
