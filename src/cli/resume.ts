import { createReadStream } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { DoneUrls } from '../input/done-urls.js';
import type { SizeRecord } from '../record.js';
import { weightOf } from '../report/budget.js';

/** What an output file says about an earlier run, for `--resume`. */
export interface ResumeState {
  /** URLs with a record other than `ABORTED`: not measured again. */
  done: DoneUrls;
  /** Records in the file. */
  records: number;
  /** Whether some record in the file has an error. */
  failed: boolean;
  /** Whether some record in the file is over the budget it was loaded with. */
  overBudget: boolean;
}

/** The output file cannot be continued: it holds something other than records. */
export class ResumeError extends Error {}

const newline = 0x0a;
// A record is a few hundred bytes; a "line" far longer than that is not one.
const maxLineBytes = 1024 * 1024;

interface KeptRecord {
  index: number;
  url: string;
  error: { code: string } | null;
}

function toKeptRecord(line: string): KeptRecord | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { index, url, error } = value as Partial<Record<keyof KeptRecord, unknown>>;
  const validIndex = typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 && index < 2 ** 32;
  const validError = error === null || (typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string');
  return validIndex && typeof url === 'string' && validError ? (value as KeptRecord) : undefined;
}

/**
 * Reads the JSON lines of an earlier run's output file, one line at a time (only
 * the compact set of done URLs is kept), and cuts off a torn last line left by
 * a crash, so that appended records start on a line of their own. Whole records
 * are left byte for byte as they are. A missing file is an empty run.
 * With `budget`, it also tells whether a record in the file is over it.
 */
export async function loadResumeFile(path: string, budget = Infinity): Promise<ResumeState> {
  const state: ResumeState = { done: new DoneUrls(), records: 0, failed: false, overBudget: false };
  let wholeBytes = 0;
  let partial: Buffer[] = [];
  let partialBytes = 0;
  let lineNumber = 0;
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(newline); end >= 0; end = chunk.indexOf(newline, start)) {
        const line = Buffer.concat([...partial, chunk.subarray(start, end)]).toString('utf8');
        lineNumber++;
        const record = toKeptRecord(line);
        if (record === undefined) throw new ResumeError(`${path}: line ${lineNumber} is not a sitesize record`);
        state.records++;
        if (record.error !== null) state.failed = true;
        if (weightOf(record as unknown as SizeRecord) > budget) state.overBudget = true;
        if (record.error?.code !== 'ABORTED') state.done.add(record.index, record.url);
        wholeBytes += partialBytes + end - start + 1;
        partial = [];
        partialBytes = 0;
        start = end + 1;
      }
      partial.push(chunk.subarray(start));
      partialBytes += chunk.length - start;
      if (partialBytes > maxLineBytes) throw new ResumeError(`${path}: line ${lineNumber + 1} is not a sitesize record`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return state;
    throw error;
  }
  if (partialBytes > 0) await truncate(path, wholeBytes);
  return state;
}
