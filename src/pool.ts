import pLimit from 'p-limit';

export interface PoolOptions {
  concurrency: number;
  /** Yield in input order instead of completion order. */
  ordered: boolean;
  /** Stops pulling inputs; the tasks in flight still finish (and are yielded). */
  signal: AbortSignal;
}

// How many results may wait behind a slow one in ordered mode, per slot:
// enough to keep the slots busy, bounded so memory stays flat.
const orderedWindowPerSlot = 4;

/**
 * Runs `task` over `inputs` with at most `concurrency` tasks at once (p-limit
 * enforces it) and yields results as they complete, or in input order.
 *
 * The next input is pulled only when a slot is free and fewer than a window of
 * results wait to be taken: when the consumer stops taking results (a slow
 * stdout), the pool stops pulling input instead of buffering.
 */
export async function* runPool<I, R>(
  inputs: AsyncIterator<I>,
  task: (input: I) => Promise<R>,
  { concurrency, ordered, signal }: PoolOptions,
): AsyncGenerator<R> {
  const limit = pLimit(concurrency);
  const window = ordered ? concurrency * orderedWindowPerSlot : concurrency;
  const results = new Map<number, R>();
  let started = 0;
  let settled = 0;
  let yielded = 0;
  // Flags set by callbacks, read by the loop below: kept in an object so that
  // TypeScript does not narrow them to their initial values inside the loop.
  const state: { pulling: boolean; exhausted: boolean; failure?: { error: unknown } } = { pulling: false, exhausted: false };
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const settle = (sequence: number, result: R): void => {
    settled++;
    results.set(ordered ? sequence : settled - 1, result);
    fill();
    notify();
  };

  const onPulled = (next: IteratorResult<I>): void => {
    state.pulling = false;
    if (next.done === true) {
      state.exhausted = true;
    } else {
      const sequence = started++;
      limit(task, next.value).then(
        (result) => {
          settle(sequence, result);
        },
        (error: unknown) => {
          state.failure ??= { error };
          settled++;
          notify();
        },
      );
      fill();
    }
    notify();
  };

  const onPullFailed = (error: unknown): void => {
    state.pulling = false;
    state.exhausted = true;
    state.failure ??= { error };
    notify();
  };

  function fill(): void {
    if (state.pulling || state.exhausted || state.failure || signal.aborted) return;
    if (started - settled >= concurrency || started - yielded >= window) return;
    state.pulling = true;
    inputs.next().then(onPulled, onPullFailed);
  }

  signal.addEventListener('abort', notify, { once: true });
  try {
    fill();
    for (;;) {
      if (state.failure) throw state.failure.error;
      if (results.has(yielded)) {
        const result = results.get(yielded) as R;
        results.delete(yielded);
        yielded++;
        yield result;
        fill();
        continue;
      }
      const stopped = state.exhausted || signal.aborted;
      if (stopped && started === settled) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', notify);
    // A pull still under way (stdin waiting for a line) would make return() wait for it.
    if (!state.pulling) await inputs.return?.();
  }
}
