import { CommanderError } from '@commander-js/extra-typings';
import { access, constants, stat } from 'node:fs/promises';
import { messageOf } from '../errors.js';
import { isUrlSource, type Source } from '../input/sources.js';
import { checkCrawlFlags } from '../crawl-options.js';
import { checkOutputOptions } from '../options.js';
import { exitOk, exitUsage } from './exit-codes.js';
import type { Io } from './io.js';
import { createProgram } from './program.js';
import { warn } from './warn.js';

export type { Io } from './io.js';

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
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitOk : exitUsage;
    throw error;
  }
  const options = program.opts();
  try {
    checkOutputOptions(options);
    checkCrawlFlags(options);
  } catch (error) {
    warn(io, messageOf(error));
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
    warn(io, unreadable);
    return exitUsage;
  }
  // Loaded only now, so that --help and --version stay quick.
  const { run } = await import('./run.js');
  return run(sources, options, io);
}
