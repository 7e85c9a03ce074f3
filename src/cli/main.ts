import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { access, constants, stat } from 'node:fs/promises';
import { exitUsage } from './exit-codes.js';
import { checkOutputOptions, formats, parseHeader, parseInteger, parseProxy, parseSeconds, parseShard, parseSize } from '../options.js';
import type { CliOptions, Io } from './run.js';
import { isUrlSource, type Source } from '../input/sources.js';
import { version } from '../version.js';

export type { Io } from './run.js';

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
    .addOption(
      new Option('-t, --timeout <seconds>', 'limit for one attempt, connection to last byte').default(30).argParser(argument(parseSeconds)),
    )
    .addOption(new Option('--connect-timeout <seconds>', 'limit for opening a connection').default(10).argParser(argument(parseSeconds)))
    .addOption(new Option('--max-redirects <n>', 'redirects followed at most').default(10).argParser(argument((v) => parseInteger(v, 0))))
    .option('--no-follow', 'do not follow redirects: measure the 3xx response')
    .addOption(
      new Option('--max-size <size>', 'stop reading a body after this many decoded bytes (k, M, G: powers of 1024)').argParser(
        argument(parseSize),
      ),
    )
    .addOption(new Option('-H, --header <"Name: value">', 'extra request header (repeatable)').default([]).argParser(collectHeader))
    .option('-A, --user-agent <string>', `User-Agent (default: "sitesize/${version}")`)
    .option('--no-compression', 'send no Accept-Encoding (bytes = encodedBytes)')
    .option('-k, --insecure', 'accept invalid TLS certificates')
    .addOption(new Option('--per-host <n>', 'requests in flight per origin at most').argParser(argument((v) => parseInteger(v, 1))))
    .addOption(new Option('--rate <n>', 'attempts started per second at most').argParser(argument((v) => parseInteger(v, 1))))
    .addOption(
      new Option('--retries <n>', 'retries after a transient failure or 408/429/502/503/504')
        .default(0)
        .argParser(argument((v) => parseInteger(v, 0))),
    )
    .addOption(
      new Option('--proxy <url>', 'send requests through this proxy (default: HTTPS_PROXY/HTTP_PROXY/NO_PROXY)').argParser(
        argument(parseProxy),
      ),
    )
    .option('--http2', 'offer HTTP/2 through ALPN on https')
    .option('--ordered', 'write results in input order (bounded memory)')
    .addOption(new Option('-f, --format <fmt>', 'output format').choices(formats).default('jsonl'))
    .option('-o, --output <file>', 'write the results to this file instead of stdout')
    .option('--resume', 'with -o (jsonl): keep the records in the file, measure only the URLs without one, append')
    .addOption(new Option('--shard <k/n>', 'measure only the k-th of n disjoint slices of the input').argParser(argument(parseShard)))
    .option('--progress', 'show a live progress line on stderr (default: when stderr is a terminal)')
    .option('--no-progress', 'no progress line')
    .option('-q, --quiet', 'no summary on stderr')
    .version(version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      "\nExamples:\n  sitesize urls.txt -c 20 | jq -r '[.url, .bytes] | @tsv'\n  cat urls.txt | sitesize --max-size 10M\n  sitesize https://example.com/ more-urls.txt\n  sitesize urls.txt -f table\n  sitesize urls.txt -o results.jsonl --resume\n  sitesize urls.txt --shard 2/4 -o shard-2.jsonl",
    )
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
  try {
    checkOutputOptions(options);
  } catch (error) {
    io.stderr.write(`sitesize: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitUsage;
  }
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
  // Loaded only now, so that --help and --version stay quick.
  const { run } = await import('./run.js');
  return run(sources, options, io);
}
