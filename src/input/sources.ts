import { hasScheme } from '../scheme.js';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';

/** A source as given on the command line: a file path, `-` for stdin, or a URL (contains `://`). */
export type Source = string;

export function isUrlSource(source: Source): boolean {
  return hasScheme(source);
}

// Splits a text stream into lines as it is read, so only one chunk is held at a time.
async function* linesOf(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    let text = rest + chunk;
    if (first) {
      first = false;
      if (text.startsWith('\uFEFF')) text = text.slice(1);
    }
    let start = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
      yield text.slice(start, newline);
      start = newline + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest;
}

/**
 * Reads the lines of every source in order, lazily: a file is opened only when
 * the lines before it are used up, and read only as fast as lines are pulled.
 */
export async function* readLines(sources: readonly Source[], stdin: Readable): AsyncGenerator<string> {
  for (const source of sources) {
    if (isUrlSource(source)) {
      yield source;
    } else if (source === '-') {
      yield* linesOf(stdin);
    } else {
      const stream = createReadStream(source);
      try {
        yield* linesOf(stream);
      } finally {
        stream.destroy();
      }
    }
  }
}
