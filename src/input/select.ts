import type { ResolvedOptions } from '../options.js';
import { inShard } from './shard.js';
import { redactCredentials } from './targets.js';

/** A URL line of the input: trimmed, numbered, and with its credentials redacted for records. */
export interface InputLine {
  line: string;
  index: number;
  url: string;
}

/**
 * The URLs of this run, each made into an item by `toItem`: the input rules
 * applied (trim, skip blanks and comments), numbered across the whole input,
 * then those of the shard, less those to skip (numbering is left as it is).
 * One generator for all of it, since each layer of async iteration costs a
 * few promises per URL.
 */
export async function* selectLines<T>(
  urls: Iterable<string> | AsyncIterable<string>,
  { shard, skip }: Pick<ResolvedOptions, 'shard' | 'skip'>,
  toItem: (line: InputLine) => T,
): AsyncGenerator<T> {
  let index = 0;
  for await (const raw of urls) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineIndex = index++;
    if (shard !== undefined && !inShard(line, shard)) continue;
    const url = redactCredentials(line);
    if (skip?.(lineIndex, url) === true) continue;
    yield toItem({ line, index: lineIndex, url });
  }
}

/** How many URLs of `urls` this run will measure; undefined if `signal` aborts first. */
export async function countSelected(
  urls: AsyncIterable<string>,
  options: Pick<ResolvedOptions, 'shard' | 'skip'>,
  signal: AbortSignal,
): Promise<number | undefined> {
  const lines = selectLines(urls, options, () => true);
  let count = 0;
  try {
    while (!(await lines.next()).done) {
      if (signal.aborted) return undefined;
      count++;
    }
    return count;
  } finally {
    // Closes the file being read when the count is abandoned.
    await lines.return(undefined);
  }
}
