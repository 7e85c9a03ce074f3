import { performance } from 'node:perf_hooks';
import { MeasureError } from './errors.js';
import { createConnections } from './fetch/connections.js';
import type { Attempt, MeasureContext } from './fetch/measure-context.js';
import { measureUrl } from './fetch/measure-url.js';
import { retryDelay } from './fetch/retry-policy.js';
import { selectLines, type InputLine } from './input/select.js';
import { toTarget, type Target } from './input/targets.js';
import { resolveOptions, type MeasureOptions } from './options.js';
import { RequestGate } from './pool/request-gate.js';
import { RetrySleeper } from './pool/retry-sleeper.js';
import { runPool } from './pool/run-pool.js';
import { Slots } from './pool/slots.js';
import { failedRecord, type SizeRecord } from './record.js';
import { version } from './version.js';

/** An input URL on its way through the pool. */
interface UrlItem {
  /** The line as shown in records: credentials redacted. */
  url: string;
  index: number;
  target: Target | MeasureError;
}

function toUrlItem({ line, index, url }: InputLine): UrlItem {
  return { url, index, target: toTarget(line) };
}

/**
 * Measures every URL of `urls` (lazily pulled, at most `concurrency` requests
 * in flight) and yields one record per URL as soon as it is done: in completion
 * order, or in input order with `ordered: true`. Failures are records too; the
 * iterator throws only for invalid options or when reading `urls` fails.
 */
export async function* measure(
  urls: Iterable<string> | AsyncIterable<string>,
  options: MeasureOptions = {},
): AsyncGenerator<SizeRecord, void, undefined> {
  const resolved = resolveOptions(options, `sitesize/${version}`);
  // Loaded only when asked for, so that a run without --co2 does not load CO2.js.
  const finish = resolved.co2 ? (await import('./page/co2.js')).addCo2 : undefined;
  const stop = new AbortController();
  const context: MeasureContext = { options: resolved, connections: createConnections(resolved), inFlight: new Slots() };
  const abortInFlight = (): void => {
    stop.abort();
    for (const measurement of context.inFlight.values()) measurement.abort(resolved.signal?.reason);
  };
  if (resolved.signal?.aborted) abortInFlight();
  resolved.signal?.addEventListener('abort', abortInFlight, { once: true });
  const gate = new RequestGate({ concurrency: resolved.concurrency, perKey: resolved.perHost, rate: resolved.rate, signal: stop.signal });
  const sleeper = new RetrySleeper(stop.signal);

  const interrupted = (item: UrlItem, attempts: number): Attempt => ({
    record: failedRecord(item.url, item.index, 'ABORTED', 'the run was interrupted', attempts),
    retryAfter: undefined,
  });

  // Every attempt of one URL: each passes the gate, each backoff waits outside it.
  const measureItem = async (item: UrlItem): Promise<Attempt> => {
    const { target, url, index } = item;
    if (target instanceof MeasureError) return { record: failedRecord(url, index, target.code, target.message), retryAfter: undefined };
    const key = gate.limitsKeys ? target.url.origin : undefined;
    let firstStart = 0;
    for (let attempt = 1; ; attempt++) {
      const result = await gate.run(key, () => {
        if (stop.signal.aborted) return Promise.resolve(interrupted(item, attempt - 1));
        if (attempt === 1) firstStart = performance.now();
        return measureUrl(context, target, { url, index, attempt, firstStart });
      });
      const delay = stop.signal.aborted ? undefined : retryDelay(result, attempt, resolved.retries);
      if (delay === undefined) return result;
      await sleeper.sleep(delay);
      if (stop.signal.aborted) return interrupted(item, attempt);
    }
  };

  try {
    const attempts = runPool(selectLines(urls, resolved, toUrlItem), measureItem, {
      gate,
      sleeper,
      ordered: resolved.ordered,
      signal: stop.signal,
    });
    for await (const { record } of attempts) yield finish === undefined ? record : finish(record);
  } finally {
    resolved.signal?.removeEventListener('abort', abortInFlight);
    // The consumer may stop early (a closed stdout): end what is still in flight.
    for (const measurement of context.inFlight.values()) measurement.abort(new MeasureError('ABORTED', 'the run was stopped'));
    sleeper.wakeAll();
    await context.connections.close();
  }
}
