import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { access, constants, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { createFormatter, formats, type Format } from './format.js';
import { parseHeader, parseInteger, parseProxy, parseSeconds, parseSize, type MeasureOptions } from './options.js';
import { LineWriter } from './output.js';
import { canColor } from './terminal.js';
import { isUrlSource, readLines, type Source } from './sources.js';
import { RunSummary } from './summary.js';
import { version } from './version.js';

/** The process around the CLI, injectable so that tests run `main()` in-process. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  /** Where SIGINT and SIGTERM come from. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}

interface CliOptions {
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
}

const exitInterrupted = 130;
const exitUsage = 2;

// Commander reports a parser's InvalidArgumentError as a one-line usage error.
function argument<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
    }
  };
}

function collectHeader(value: string, previous: [string, string][]): [string, string][] {
  return [...previous, argument(parseHeader)(value)];
}

export function createProgram(io: Io): Command {
  return new Command('sitesize')
    .description('Measure how big web pages are: one JSON line per URL, written as each one completes.')
    .usage('[options] [source...]')
    .argument('[source...]', 'files of URLs (one per line), - for stdin, or URLs; stdin when none')
    .addOption(new Option('-c, --concurrency <n>', 'requests in flight at most').default(10).argParser(argument((v) => parseInteger(v, 1))))
    .addOption(new Option('-t, --timeout <seconds>', 'limit for one attempt, connection to last byte').default(30).argParser(argument(parseSeconds)))
    .addOption(new Option('--connect-timeout <seconds>', 'limit for opening a connection').default(10).argParser(argument(parseSeconds)))
    .addOption(new Option('--max-redirects <n>', 'redirects followed at most').default(10).argParser(argument((v) => parseInteger(v, 0))))
    .option('--no-follow', 'do not follow redirects: measure the 3xx response')
    .addOption(new Option('--max-size <size>', 'stop reading a body after this many decoded bytes (k, M, G: powers of 1024)').argParser(argument(parseSize)))
    .addOption(new Option('-H, --header <"Name: value">', 'extra request header (repeatable)').default([]).argParser(collectHeader))
    .option('-A, --user-agent <string>', `User-Agent (default: "sitesize/${version}")`)
    .option('--no-compression', 'send no Accept-Encoding (bytes = encodedBytes)')
    .option('-k, --insecure', 'accept invalid TLS certificates')
    .addOption(new Option('--per-host <n>', 'requests in flight per origin at most').argParser(argument((v) => parseInteger(v, 1))))
    .addOption(new Option('--rate <n>', 'attempts started per second at most').argParser(argument((v) => parseInteger(v, 1))))
    .addOption(new Option('--retries <n>', 'retries after a transient failure or 408/429/502/503/504').default(0).argParser(argument((v) => parseInteger(v, 0))))
    .addOption(new Option('--proxy <url>', 'send requests through this proxy (default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY)').argParser(argument(parseProxy)))
    .option('--http2', 'offer HTTP/2 through ALPN on https')
    .option('--ordered', 'write results in input order (bounded memory)')
    .addOption(new Option('-f, --format <fmt>', 'output format').choices(formats).default('jsonl'))
    .option('-q, --quiet', 'no summary on stderr')
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', '\nExamples:\n  sitesize urls.txt -c 20 | jq -r \'[.url, .bytes] | @tsv\'\n  cat urls.txt | sitesize --max-size 10M\n  sitesize https://example.com/ more-urls.txt')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Usage errors stay on one line, "Did you mean …?" hint included.
      outputError: (text, write) => {
        write(`${text.trimEnd().replace(/\s*\n\s*/g, ' ')}\n`);
      },
    });
}

function toMeasureOptions(options: CliOptions, signal: AbortSignal): MeasureOptions {
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
  };
}

// Every input file is checked before the first request, so a typo ends the run at once.
async function unreadableSource(sources: readonly Source[]): Promise<string | undefined> {
  for (const source of sources) {
    if (source === '-' || isUrlSource(source)) continue;
    try {
      await access(source, constants.R_OK);
      if ((await stat(source)).isDirectory()) return `cannot read ${source}: is a directory`;
    } catch (error) {
      return `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
  }
  return undefined;
}

const processIo = (): Io => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, signals: process });

/** Runs the CLI and resolves to its exit code; it never exits the process itself. */
export async function main(argv: readonly string[] = process.argv, io: Io = processIo()): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : exitUsage;
    throw error;
  }
  const options = program.opts<CliOptions>();
  let sources: Source[] = program.args;
  if (sources.length === 0) {
    if (io.stdin.isTTY === true) {
      io.stderr.write(program.helpInformation());
      return exitUsage;
    }
    sources = ['-'];
  }
  const unreadable = await unreadableSource(sources);
  if (unreadable !== undefined) {
    io.stderr.write(`sitesize: ${unreadable}\n`);
    return exitUsage;
  }
  return run(sources, options, io);
}

async function run(sources: Source[], options: CliOptions, io: Io): Promise<number> {
  const interrupt = new AbortController();
  const onSignal = (): void => {
    interrupt.abort();
  };
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  const ignoreError = (): void => undefined;
  io.stderr.on('error', ignoreError);
  const output = new LineWriter(io.stdout);
  const formatter = createFormatter(options.format, { color: canColor(io.stdout) });
  const summary = new RunSummary();
  // Loaded here, not at the top, so that --help and --version never load undici.
  const { measure } = await import('./measure.js');
  try {
    if (formatter.header !== '') await output.write(formatter.header);
    for await (const record of measure(readLines(sources, io.stdin), toMeasureOptions(options, interrupt.signal))) {
      // URLs cut off by Ctrl-C get no record, so a resumed run measures them again.
      if (interrupt.signal.aborted && record.error?.code === 'ABORTED') continue;
      summary.add(record);
      if (!(await output.write(formatter.format(record)))) break;
    }
  } catch (error) {
    io.stderr.write(`sitesize: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitUsage;
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    output.dispose();
    // A stdin still open (a pipe that sends more) must not keep the process alive.
    if (sources.includes('-')) io.stdin.destroy();
  }
  if (output.failure) {
    io.stderr.write(`sitesize: cannot write the results: ${output.failure.message}\n`);
    return 1;
  }
  if (output.closed) return summary.failed > 0 ? 1 : 0;
  if (options.quiet !== true) io.stderr.write(`sitesize: ${summary.format()}\n`);
  if (interrupt.signal.aborted) return exitInterrupted;
  return summary.failed > 0 ? 1 : 0;
}
