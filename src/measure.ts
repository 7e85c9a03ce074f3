import type { CrawlFetch } from './crawl/crawl-fetch.js';
import { MeasureError } from './errors.js';
import { createConnections } from './fetch/connections.js';
import { fetchWithRetries, type FetchRun } from './fetch/fetch-with-retries.js';
import type { Attempt, MeasureContext } from './fetch/measure-context.js';
import { selectLines, type InputLine } from './input/select.js';
import { toTarget, type Target } from './input/targets.js';
import { resolveOptions, type MeasureOptions, type ResolvedOptions } from './options.js';
import type { PageRun } from './page/page.js';
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

// The page and crawl modes are loaded only when asked for: their parsers (htmlparser2,
// css-tree) and the public suffix list cost a list run tens of MB and a slower start.
async function toPageRun(options: ResolvedOptions, fetch: FetchRun): Promise<PageRun | undefined> {
  if (!options.page) return undefined;
  const [{ AssetCache }, { devices }] = await Promise.all([import('./page/asset-cache.js'), import('./page/media-query.js')]);
  const cache = options.assetCache ? new AssetCache() : undefined;
  return { fetch, device: devices[options.device], maxResources: options.maxResources, cache, onRequest: options.onRequest };
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

  const run: FetchRun = { context, gate, sleeper, stop: stop.signal, retries: resolved.retries };
  const pageRun = await toPageRun(resolved, run);
  const { weighPage, emptyPageWeight } = pageRun ? await import('./page/weigh-page.js') : {};
  const { onRequest } = resolved;
  const { toRequestEntry } = onRequest === undefined ? {} : await import('./page/request-entries.js');
  // Every attempt of one request: each passes the gate, each backoff waits outside it.
  const fetchTarget: CrawlFetch = (target, request) => fetchWithRetries(run, target, request);

  // One URL: a page with its subresources, or the one request (with its retries) of the URL.
  const measureItem = async ({ target, url, index }: UrlItem): Promise<Attempt> => {
    if (target instanceof MeasureError) {
      const record = failedRecord(url, index, target.code, target.message);
      if (emptyPageWeight) record.page = emptyPageWeight();
      return { record, retryAfter: undefined };
    }
    if (pageRun && weighPage) return weighPage(pageRun, target, { url, index });
    if (onRequest === undefined || toRequestEntry === undefined) return fetchWithRetries(run, target, { url, index });
    const attempt = await fetchWithRetries(run, target, { url, index, exchanges: true });
    const last = attempt.exchanges?.at(-1);
    // A request cut off by the run's stop is no measurement: like its record in the CLI, it gets no entry.
    const cutOff = stop.signal.aborted && attempt.record.error?.code === 'ABORTED';
    if (last && !cutOff) onRequest(toRequestEntry(last, index, 'document', false));
    return attempt;
  };

  const poolOptions = { gate, sleeper, ordered: resolved.ordered, signal: stop.signal };
  // A crawl's urls are its start URLs: its source feeds the same pool, from its frontier.
  const crawl =
    resolved.crawl &&
    (await import('./crawl/crawl.js')).createCrawl({
      settings: resolved.crawl,
      starts: selectLines(urls, resolved, (line) => line),
      fetch: fetchTarget,
      ...(pageRun && weighPage ? { fetchPage: (target, request) => weighPage(pageRun, target, request) } : {}),
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
