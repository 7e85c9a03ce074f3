import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { messageOf } from '../errors.js';
import { tuneEngineForCli } from './engine-flags.js';
import { exitInterrupted, exitUsage } from './exit-codes.js';
import { createFormatter } from '../output/formatter.js';
import type { Format, MeasureOptions, ResolvedOptions, Shard } from '../options.js';
import { LineWriter } from '../output/line-writer.js';
import { loadResumeFile, ResumeError, type ResumeState } from './resume.js';
import { ProgressLine, type ProgressState } from '../report/progress.js';
import { countSelected } from '../input/select.js';
import { readLines, type Source } from '../input/sources.js';
import { RunSummary } from '../report/summary.js';
import { canColor, isTerminal } from '../report/terminal.js';

/** The process around the CLI, injectable so that tests run `main()` in-process. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  /** Where SIGINT and SIGTERM come from. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

/** The CLI's options as commander parsed them. */
export interface CliOptions {
  concurrency: number;
  timeout: number;
  connectTimeout: number;
  maxRedirects: number;
  follow: boolean;
  maxSize?: number;
  header: [string, string][];
  userAgent?: string;
  compression: boolean;
  insecure?: true;
  perHost?: number;
  rate?: number;
  retries: number;
  proxy?: URL;
  http2?: true;
  ordered?: true;
  quiet?: true;
  format: Format;
  output?: string;
  resume?: true;
  shard?: Shard;
  progress?: boolean;
}

function toMeasureOptions(options: CliOptions, signal: AbortSignal, selection: Selection): MeasureOptions {
  return {
    concurrency: options.concurrency,
    timeout: options.timeout,
    connectTimeout: options.connectTimeout,
    maxRedirects: options.maxRedirects,
    follow: options.follow,
    headers: Object.fromEntries(options.header.map(([name, value]) => [name.toLowerCase(), value])),
    compression: options.compression,
    insecure: options.insecure === true,
    ordered: options.ordered === true,
    retries: options.retries,
    http2: options.http2 === true,
    signal,
    ...(options.perHost === undefined ? {} : { perHost: options.perHost }),
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    ...(options.proxy === undefined ? {} : { proxy: options.proxy.href }),
    ...(options.maxSize === undefined ? {} : { maxSize: options.maxSize }),
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...(selection.shard === undefined ? {} : { shard: selection.shard }),
    ...(selection.skip === undefined ? {} : { skip: selection.skip }),
  };
}

type Selection = Pick<ResolvedOptions, 'shard' | 'skip'>;

// The URLs this run measures: those of the shard that the resumed file lacks.
function toSelection(options: CliOptions, resumed: ResumeState | undefined): Selection {
  return { shard: options.shard, skip: resumed && ((index, url) => resumed.done.has(index, url)) };
}

// On by default only for a person watching stderr; --progress and --no-progress decide otherwise.
function createProgress(options: CliOptions, stderr: Writable, read: () => ProgressState): ProgressLine | undefined {
  if (!(options.progress ?? isTerminal(stderr))) return undefined;
  return new ProgressLine(stderr, read, { color: canColor(stderr) });
}

interface Output {
  stream: Writable;
  /** Flushes and closes a file; stdout is left open. */
  close(): Promise<void>;
}

async function openOutput(path: string | undefined, append: boolean, stdout: Writable): Promise<Output> {
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

/** Measures the URLs of `sources` and writes the records; resolves to the exit code. */
export async function run(sources: Source[], options: CliOptions, io: Io): Promise<number> {
  const ignoreError = (): void => undefined;
  io.stderr.on('error', ignoreError);
  let resumed: ResumeState | undefined;
  let output: Output;
  try {
    if (options.resume === true && options.output !== undefined) resumed = await loadResumeFile(options.output);
  } catch (error) {
    io.stderr.write(
      `sitesize: ${error instanceof ResumeError ? error.message : `cannot resume from ${options.output ?? ''}: ${messageOf(error)}`}\n`,
    );
    return exitUsage;
  }
  try {
    output = await openOutput(options.output, resumed !== undefined, io.stdout);
  } catch (error) {
    io.stderr.write(`sitesize: cannot write ${options.output ?? 'stdout'}: ${messageOf(error)}\n`);
    return exitUsage;
  }
  if (resumed !== undefined && options.quiet !== true) {
    io.stderr.write(`sitesize: resuming ${options.output ?? ''}: ${resumed.records} records kept\n`);
  }

  const interrupt = new AbortController();
  const onSignal = (): void => {
    interrupt.abort();
  };
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  const writer = new LineWriter(output.stream);
  const formatter = createFormatter(options.format, { color: canColor(output.stream) });
  const summary = new RunSummary();
  const selection = toSelection(options, resumed);
  let total: number | undefined;
  const progress = createProgress(options, io.stderr, () => ({
    done: summary.urls,
    total,
    ok: summary.ok,
    failed: summary.failed,
    bytes: summary.bytes,
    seconds: summary.seconds,
  }));
  // Records on the terminal that shows the progress line go above it, never through it.
  const sharesTerminal = progress !== undefined && isTerminal(output.stream) && isTerminal(io.stderr);
  const counting = new AbortController();
  let failure: { error: unknown } | undefined;
  // Loaded here, not at the top, so that --help and --version never load undici.
  tuneEngineForCli();
  const { measure } = await import('../measure.js');
  try {
    if (formatter.header !== '') await writer.write(formatter.header);
    if (progress !== undefined) {
      progress.start();
      // Only files can be read twice: with stdin among the sources, the total stays unknown.
      if (!sources.includes('-')) {
        countSelected(readLines(sources, io.stdin), selection, counting.signal).then(
          (count) => (total = count),
          () => undefined,
        );
      }
    }
    for await (const record of measure(readLines(sources, io.stdin), toMeasureOptions(options, interrupt.signal, selection))) {
      // URLs cut off by Ctrl-C get no record, so a resumed run measures them again.
      if (interrupt.signal.aborted && record.error?.code === 'ABORTED') continue;
      summary.add(record);
      if (sharesTerminal) progress.hide();
      if (!(await writer.write(formatter.format(record)))) break;
    }
  } catch (error) {
    failure = { error };
  } finally {
    progress?.stop();
    counting.abort();
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    writer.dispose();
    await output.close();
    // A stdin still open (a pipe that sends more) must not keep the process alive.
    if (sources.includes('-')) io.stdin.destroy();
  }
  if (failure !== undefined) {
    io.stderr.write(`sitesize: ${messageOf(failure.error)}\n`);
    return exitUsage;
  }
  if (writer.failure) {
    io.stderr.write(`sitesize: cannot write the results: ${writer.failure.message}\n`);
    return 1;
  }
  const failed = summary.failed > 0 || resumed?.failed === true ? 1 : 0;
  if (writer.closed) return failed;
  if (options.quiet !== true)
    io.stderr.write(
      summary
        .format()
        .map((line) => `sitesize: ${line}\n`)
        .join(''),
    );
  if (interrupt.signal.aborted) return exitInterrupted;
  return failed;
}
