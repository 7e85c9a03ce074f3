import { performance } from 'node:perf_hooks';
import { createConnections } from './fetch/connections.js';
import { measureUrl, type Attempt, type MeasureContext } from './fetch/measure-url.js';
import { resolveOptions, type MeasureOptions } from './options.js';
import { runPool } from './pool/run-pool.js';
import { MeasureError, roundMs, unfetchedRecord, type SizeRecord } from './record.js';
import { retryDelay } from './fetch/retry-policy.js';
import { selectLines, type InputLine } from './input/select.js';
import { Slots } from './pool/slots.js';
import { toTarget, type Target } from './input/targets.js';
import { version } from './version.js';

/** An input URL on its way through the pool, across its attempts. */
interface UrlItem {
  /** The line as shown in records: credentials redacted. */
  url: string;
  index: number;
  target: Target | MeasureError;
  firstStart: number;
}

function toUrlItem({ line, index, url }: InputLine): UrlItem {
  return { url, index, target: toTarget(line), firstStart: 0 };
}

/**
 * Measures every URL of `urls` (lazily pulled, at most `concurrency` in flight)
 * and yields one record per URL as soon as it is done: in completion order, or
 * in input order with `ordered: true`. Failures are records too; the iterator
 * throws only for invalid options or when reading `urls` fails.
 */
export async function* measure(
  urls: Iterable<string> | AsyncIterable<string>,
  options: MeasureOptions = {},
): AsyncGenerator<SizeRecord, void, undefined> {
  const resolved = resolveOptions(options, `sitesize/${version}`);
  const stop = new AbortController();
  const context: MeasureContext = { options: resolved, connections: createConnections(resolved), inFlight: new Slots() };
  const abortInFlight = (): void => {
    stop.abort();
    for (const measurement of context.inFlight.values()) measurement.abort(resolved.signal?.reason);
  };
  if (resolved.signal?.aborted) abortInFlight();
  resolved.signal?.addEventListener('abort', abortInFlight, { once: true });

  const unfetched = (item: UrlItem, error: MeasureError, attempts: number): Attempt => {
    const record = unfetchedRecord(item.url, item.index, error.code, error.message);
    record.attempts = attempts;
    return { record, retryAfter: undefined };
  };

  // One attempt; the pool calls it again for a retry, after the wait.
  const attemptUrl = async (item: UrlItem, attempt: number): Promise<Attempt> => {
    const { target } = item;
    if (target instanceof MeasureError) return unfetched(item, target, 0);
    if (stop.signal.aborted) return unfetched(item, new MeasureError('ABORTED', 'the run was interrupted'), attempt - 1);
    if (attempt === 1) item.firstStart = performance.now();
    const result = await measureUrl(context, target, item.url, item.index);
    result.record.attempts = attempt;
    result.record.timings.total = roundMs(performance.now() - item.firstStart);
    return result;
  };

  try {
    const attempts = runPool(selectLines(urls, resolved, toUrlItem), attemptUrl, {
      concurrency: resolved.concurrency,
      ordered: resolved.ordered,
      signal: stop.signal,
      perKey: resolved.perHost,
      keyOf: (item) => (item.target instanceof MeasureError ? undefined : item.target.url.origin),
      rate: resolved.rate,
      retryDelay: (result, attempt) => retryDelay(result, attempt, resolved.retries),
    });
    for await (const { record } of attempts) yield record;
  } finally {
    resolved.signal?.removeEventListener('abort', abortInFlight);
    // The consumer may stop early (a closed stdout): end what is still in flight.
    for (const measurement of context.inFlight.values()) measurement.abort(new MeasureError('ABORTED', 'the run was stopped'));
    await context.connections.close();
  }
}
