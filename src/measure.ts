import { performance } from 'node:perf_hooks';
import type { CrawlFetch } from './crawl/crawl-fetch.js';
import { createCrawl } from './crawl/crawl.js';
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

  const interrupted = ({ url, index }: { url: string; index: number }, attempts: number): Attempt => ({
    record: failedRecord(url, index, 'ABORTED', 'the run was interrupted', attempts),
    retryAfter: undefined,
  });

  // Every attempt of one request: each passes the gate, each backoff waits outside it.
  const fetchTarget: CrawlFetch = async (target, request) => {
    const { url, index, scan, maxSize, maxRedirects, initiator } = request;
    const key = gate.limitsKeys ? target.url.origin : undefined;
    // robots.txt and sitemaps have limits of their own, within the run's.
    const ownLimits = maxSize !== undefined || maxRedirects !== undefined;
    const requestContext = !ownLimits
      ? context
      : {
          ...context,
          options: {
            ...context.options,
            maxSize: Math.min(maxSize ?? Infinity, context.options.maxSize),
            maxRedirects: Math.min(maxRedirects ?? Infinity, context.options.maxRedirects),
          },
        };
    let firstStart = 0;
    for (let attempt = 1; ; attempt++) {
      const result = await gate.run(key, () => {
        if (attempt === 1) request.onStart?.();
        if (stop.signal.aborted) return Promise.resolve(interrupted(request, attempt - 1));
        if (attempt === 1) firstStart = performance.now();
        return measureUrl(requestContext, target, {
          url,
          index,
          attempt,
          firstStart,
          ...(scan === undefined ? {} : { scan }),
          ...(initiator === undefined || initiator === null ? {} : { initiator }),
        });
      });
      const delay = stop.signal.aborted ? undefined : retryDelay(result, attempt, resolved.retries);
      if (delay === undefined) return result;
      await sleeper.sleep(delay);
      if (stop.signal.aborted) return interrupted(request, attempt);
    }
  };

  const measureItem = (item: UrlItem): Promise<Attempt> => {
    const { target, url, index } = item;
    if (target instanceof MeasureError)
      return Promise.resolve({ record: failedRecord(url, index, target.code, target.message), retryAfter: undefined });
    return fetchTarget(target, item);
  };

  const poolOptions = { gate, sleeper, ordered: resolved.ordered, signal: stop.signal };
  // A crawl's urls are its start URLs: its source feeds the same pool, from its frontier.
  const crawl =
    resolved.crawl &&
    createCrawl({
      settings: resolved.crawl,
      starts: selectLines(urls, resolved, (line) => line),
      fetch: fetchTarget,
      sleeper,
      signal: stop.signal,
    });
  try {
    const attempts: AsyncGenerator<Attempt | null> = crawl
      ? runPool(crawl.items, crawl.measure, poolOptions)
      : runPool(selectLines(urls, resolved, toUrlItem), measureItem, poolOptions);
    for await (const attempt of attempts) {
      if (attempt !== null) yield finish === undefined ? attempt.record : finish(attempt.record);
    }
  } finally {
    resolved.signal?.removeEventListener('abort', abortInFlight);
    // The consumer may stop early (a closed stdout): end what is still in flight.
    for (const measurement of context.inFlight.values()) measurement.abort(new MeasureError('ABORTED', 'the run was stopped'));
    sleeper.wakeAll();
    await crawl?.close();
    await context.connections.close();
  }
}
