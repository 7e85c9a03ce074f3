import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

export interface Output {
  stream: Writable;
  /** Flushes and closes a file; stdout is left open. */
  close(): Promise<void>;
}

/** Where the records go: the file at `path` (appended to when resuming), else stdout. */
export async function openOutput(path: string | undefined, append: boolean, stdout: Writable): Promise<Output> {
  if (path === undefined) return { stream: stdout, close: () => Promise.resolve() };
  const stream = (await open(path, append ? 'a' : 'w')).createWriteStream();
  return {
    stream,
    close: async () => {
      stream.end();
      // A failed write is reported through the LineWriter that saw it.
      await finished(stream).catch(() => undefined);
    },
  };
}
