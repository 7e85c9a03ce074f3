import type { ResolvedOptions } from './options.js';
import { inShard } from './shard.js';
import { redactCredentials } from './url.js';

/** A URL line of the input: trimmed, numbered, and with its credentials redacted for records. */
export interface InputLine {
  line: string;
  index: number;
  url: string;
}

// Applies the input rules (trim, skip blanks and comments) and numbers the URLs.
export async function* toInputLines(urls: Iterable<string> | AsyncIterable<string>): AsyncGenerator<InputLine> {
  let index = 0;
  for await (const raw of urls) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    yield { line, index: index++, url: redactCredentials(line) };
  }
}

/** The lines of this run: those of the shard, less those to skip; numbering is left as it is. */
export async function* selectLines(
  lines: AsyncIterable<InputLine>,
  { shard, skip }: Pick<ResolvedOptions, 'shard' | 'skip'>,
): AsyncGenerator<InputLine> {
  for await (const line of lines) {
    if (shard !== undefined && !inShard(line.line, shard)) continue;
    if (skip?.(line.index, line.url) === true) continue;
    yield line;
  }
}

/** How many URLs of `urls` this run will measure; undefined if `signal` aborts first. */
export async function countSelected(
  urls: AsyncIterable<string>,
  options: Pick<ResolvedOptions, 'shard' | 'skip'>,
  signal: AbortSignal,
): Promise<number | undefined> {
  const lines = selectLines(toInputLines(urls), options);
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
