import type { RequestGate } from './request-gate.js';
import { none, ResultBuffer } from './result-buffer.js';
import type { RetrySleeper } from './retry-sleeper.js';

export interface PoolOptions {
  /** Every request of every task passes this gate; an input is pulled only when it has room. */
  gate: RequestGate;
  /** Where tasks wait before a retry: sleepers hold no slot, but their number is bounded. */
  sleeper: RetrySleeper;
  /** Yield in input order instead of completion order. */
  ordered: boolean;
  /** Stops pulling inputs; tasks see the signal and end fast. */
  signal: AbortSignal;
}

// How many results may wait behind a slow one in ordered mode, per slot.
const orderedWindowPerSlot = 4;
// How far past URLs of busy origins the reader may look for work for free slots,
// and how many URLs may sleep before a retry at once.
export const perKeyLookahead = (concurrency: number): number => Math.max(1000, 10 * concurrency);

/**
 * Runs `task` over `inputs` and yields results as they complete, or in input
 * order. An input is pulled only when the request gate has a free slot, when
 * fewer than a window of results are unread (a slow consumer stops the
 * pulling instead of buffering), and when not too many inputs wait for a busy
 * origin or sleep before a retry: memory stays flat in the length of the input.
 */
export async function* runPool<I, R>(inputs: AsyncIterator<I>, task: (input: I) => Promise<R>, options: PoolOptions): AsyncGenerator<R> {
  const { gate, sleeper, ordered, signal } = options;
  const lookahead = gate.limitsKeys ? perKeyLookahead(gate.concurrency) : 0;
  const window = (ordered ? gate.concurrency * orderedWindowPerSlot : gate.concurrency) + lookahead;
  const maxSleeping = perKeyLookahead(gate.concurrency);
  const results = new ResultBuffer<R>(ordered);
  let pulled = 0;
  let yielded = 0;
  let running = 0;
  // Flags set by callbacks, read by the loop below: kept in an object so that
  // TypeScript does not narrow them to their initial values inside the loop.
  const state: { pulling: boolean; exhausted: boolean; failure?: { error: unknown } } = { pulling: false, exhausted: false };
  let wake: (() => void) | undefined;

  const notify = (): void => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };

  const canPull = (): boolean =>
    !state.pulling &&
    !state.exhausted &&
    !signal.aborted &&
    state.failure === undefined &&
    gate.hasRoom() &&
    !(lookahead > 0 && gate.waitingForKey >= lookahead) &&
    sleeper.size < maxSleeping &&
    pulled - yielded - sleeper.size < window;

  const fill = (): void => {
    if (!canPull()) return;
    state.pulling = true;
    inputs.next().then(onPulled, onFailed);
  };

  function onPulled(next: IteratorResult<I>): void {
    state.pulling = false;
    if (next.done === true) {
      state.exhausted = true;
      notify();
      return;
    }
    const sequence = pulled++;
    running++;
    task(next.value).then((result) => {
      running--;
      results.put(sequence, result);
      notify();
    }, onFailed);
    fill();
  }

  function onFailed(error: unknown): void {
    state.pulling = false;
    state.failure ??= { error };
    notify();
  }

  gate.onRoom(fill);
  sleeper.onSleep(fill);
  signal.addEventListener('abort', notify, { once: true });
  try {
    fill();
    for (;;) {
      if (state.failure) throw state.failure.error;
      const result = results.take();
      if (result !== none) {
        yielded++;
        yield result;
        fill();
        continue;
      }
      if (running === 0 && !state.pulling && (state.exhausted || signal.aborted)) return;
      fill();
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    state.exhausted = true;
    signal.removeEventListener('abort', notify);
    // A pull still under way (stdin waiting for a line) would make return() wait for it.
    if (!state.pulling) await inputs.return?.();
  }
}
