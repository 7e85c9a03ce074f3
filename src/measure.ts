import { createConnections } from './connections.js';
import { measureUrl, type MeasureContext } from './measure-url.js';
import { resolveOptions, type MeasureOptions } from './options.js';
import { runPool } from './pool.js';
import { MeasureError, unfetchedRecord, type SizeRecord } from './record.js';
import { redactCredentials, toTarget } from './url.js';
import { version } from './version.js';

interface InputLine {
  line: string;
  index: number;
}

// Applies the input rules (trim, skip blanks and comments) and numbers the URLs.
async function* toInputLines(urls: Iterable<string> | AsyncIterable<string>): AsyncGenerator<InputLine> {
  let index = 0;
  for await (const raw of urls) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    yield { line, index: index++ };
  }
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
  const context: MeasureContext = { options: resolved, connections: createConnections(resolved), inFlight: new Set() };
  const abortInFlight = (): void => {
    stop.abort();
    for (const measurement of context.inFlight) measurement.abort(resolved.signal?.reason);
  };
  if (resolved.signal?.aborted) abortInFlight();
  resolved.signal?.addEventListener('abort', abortInFlight, { once: true });

  const measureLine = async ({ line, index }: InputLine): Promise<SizeRecord> => {
    const url = redactCredentials(line);
    const target = toTarget(line);
    if (target instanceof MeasureError) return unfetchedRecord(url, index, target.code, target.message);
    return measureUrl(context, target, url, index);
  };

  try {
    yield* runPool(toInputLines(urls), measureLine, {
      concurrency: resolved.concurrency,
      ordered: resolved.ordered,
      signal: stop.signal,
    });
  } finally {
    resolved.signal?.removeEventListener('abort', abortInFlight);
    // The consumer may stop early (a closed stdout): end what is still in flight.
    for (const measurement of context.inFlight) measurement.abort(new MeasureError('ABORTED', 'the run was stopped'));
    await context.connections.close();
  }
}
