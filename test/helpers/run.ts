import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measure } from '../../src/index.js';
import type { MeasureOptions, SizeRecord } from '../../src/index.js';
import { createRecord } from '../../src/record.js';

/** Every key of a record, in the SPEC's order (the order `createRecord` writes them). */
export const recordKeys = Object.keys(createRecord('', 0));

/** Every key of a record's `timings` object, in the SPEC's order. */
export const timingKeys = Object.keys(createRecord('', 0).timings);

export const binPath = fileURLToPath(new URL('../../bin/sitesize.js', import.meta.url));

/** Every record of a library run, sorted by index. */
export async function collect(urls: Iterable<string> | AsyncIterable<string>, options: MeasureOptions = {}): Promise<SizeRecord[]> {
  const records: SizeRecord[] = [];
  for await (const record of measure(urls, options)) records.push(record);
  return records.sort((a, b) => a.index - b.index);
}

/** The one record of measuring one URL. */
export async function measureOne(url: string, options: MeasureOptions = {}): Promise<SizeRecord> {
  const [record] = await collect([url], options);
  if (!record) throw new Error('no record');
  return record;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  child: ReturnType<typeof spawn>;
  result: Promise<CliResult>;
}

export interface CliOptions {
  input?: string;
  timeoutMs?: number;
  /** Environment variables on top of this process's own. */
  env?: Record<string, string>;
}

/** Spawns the built CLI (`node bin/sitesize.js`); it is killed if it outlives `timeoutMs`. */
export function startCli(args: string[], { input, timeoutMs = 15_000, env }: CliOptions = {}): CliRun {
  const child = spawn(process.execPath, [binPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  child.stdin.on('error', () => undefined);
  if (input === undefined) child.stdin.end();
  else child.stdin.end(input);
  return { child, result: outcomeOf(child, timeoutMs) };
}

/** What a spawned child printed and how it ended; `kill` ends it (by default SIGKILL) if it outlives `timeoutMs`. */
export function outcomeOf(child: ChildProcess, timeoutMs: number, kill = (): unknown => child.kill('SIGKILL')): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(kill, timeoutMs);
  return new Promise<CliResult>((resolve) => {
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** The JSON lines of stdout, each checked to be one whole object. */
export function parseLines(stdout: string): SizeRecord[] {
  if (stdout === '') return [];
  if (!stdout.endsWith('\n')) throw new Error(`stdout does not end with a newline: ${stdout.slice(-80)}`);
  return stdout
    .slice(0, -1)
    .split('\n')
    .map((line) => JSON.parse(line) as SizeRecord);
}
