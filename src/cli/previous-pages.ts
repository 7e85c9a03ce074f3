import { createReadStream } from 'node:fs';
import type { PreviousPage } from '../options.js';

/**
 * The records of a crawl's output file, for `--resume` to continue the crawl
 * from, read line by line as the crawl asks for them (the file has been
 * checked and its torn last line cut off by loadResumeFile).
 */
export async function* previousPages(path: string): AsyncGenerator<PreviousPage> {
  let rest = '';
  try {
    for await (const chunk of createReadStream(path, { encoding: 'utf8' }) as AsyncIterable<string>) {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        yield JSON.parse(text.slice(start, end)) as PreviousPage;
        start = end + 1;
      }
      rest = text.slice(start);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
