import { performance } from 'node:perf_hooks';
import type { Target } from '../input/targets.js';
import type { RequestGate } from '../pool/request-gate.js';
import type { RetrySleeper } from '../pool/retry-sleeper.js';
import { failedRecord } from '../record.js';
import type { Attempt, AttemptOf, MeasureContext } from './measure-context.js';
import { measureUrl } from './measure-url.js';
import { retryDelay } from './retry-policy.js';

/** What every request of a run goes through: the gate, the retry sleeper, the run's stop. */
export interface FetchRun {
  context: MeasureContext;
  gate: RequestGate;
  sleeper: RetrySleeper;
  /** Aborted when the run stops: queued requests then end at once as `ABORTED`. */
  stop: AbortSignal;
  retries: number;
}

/** A request as its caller names it; the attempts are counted here. */
export type RequestOf = Omit<AttemptOf, 'attempt' | 'firstStart'> & {
  /** Limits of this request in place of the run's, within them (robots.txt and sitemaps have their own). */
  maxSize?: number;
  maxRedirects?: number;
  /** Called when the first attempt takes its slot in the gate: the moment the request starts. */
  onStart?: () => void;
};

// The run's context, with a request's own limits where it has some.
function contextFor(context: MeasureContext, { maxSize, maxRedirects }: RequestOf): MeasureContext {
  if (maxSize === undefined && maxRedirects === undefined) return context;
  const { options } = context;
  return {
    ...context,
    options: {
      ...options,
      maxSize: Math.min(maxSize ?? Infinity, options.maxSize),
      maxRedirects: Math.min(maxRedirects ?? Infinity, options.maxRedirects),
    },
  };
}

function interrupted({ url, index }: RequestOf, attempts: number): Attempt {
  return { record: failedRecord(url, index, 'ABORTED', 'the run was interrupted', attempts), retryAfter: undefined };
}

/**
 * Every attempt of one request, a document's or a subresource's alike: each
 * passes the gate (its origin's key, a slot, the rate), each backoff waits
 * outside it, so a waiting request holds no slot. Never rejects.
 */
export async function fetchWithRetries(run: FetchRun, target: Target, request: RequestOf): Promise<Attempt> {
  const { gate, stop } = run;
  const key = gate.limitsKeys ? target.url.origin : undefined;
  const context = contextFor(run.context, request);
  let firstStart = 0;
  for (let attempt = 1; ; attempt++) {
    const result = await gate.run(key, () => {
      if (attempt === 1) request.onStart?.();
      if (stop.aborted) return Promise.resolve(interrupted(request, attempt - 1));
      if (attempt === 1) firstStart = performance.now();
      // The spread comes last: V8 builds `{ ...a, b }` some ten times slower than `{ b, ...a }`.
      return measureUrl(context, target, { attempt, firstStart, ...request });
    });
    const delay = stop.aborted ? undefined : retryDelay(result, attempt, run.retries);
    if (delay === undefined) return result;
    await run.sleeper.sleep(delay);
    if (stop.aborted) return interrupted(request, attempt);
  }
}
