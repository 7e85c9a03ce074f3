import { spawn, spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { binPath, outcomeOf, type CliResult, type CliRun } from './run.js';

/** Whether util-linux `script` is here to give the CLI a pseudo-terminal. */
export const hasScript = spawnSync('script', ['--version'], { stdio: 'ignore' }).status === 0;

const quote = (arg: string): string => `'${arg.replaceAll("'", "'\\''")}'`;

/**
 * Runs the built CLI with stdin, stdout and stderr on one pseudo-terminal (as
 * in a person's shell), through `script -q -e -c CMD /dev/null`; `stdout` is
 * everything the terminal received, escape codes included.
 */
export function startInTerminal(
  args: string[],
  { env = {}, timeoutMs = 15_000 }: { env?: Record<string, string>; timeoutMs?: number } = {},
): CliRun {
  const command = [process.execPath, binPath, ...args].map(quote).join(' ');
  // A terminal as a person has it: colours on unless the test sets NO_COLOR.
  const inherited = { ...process.env };
  for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR']) Reflect.deleteProperty(inherited, name);
  const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    env: { ...inherited, TERM: 'xterm-256color', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { child, result: outcomeOf(child, timeoutMs) };
}

export function runInTerminal(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
  return startInTerminal(args, options).result;
}

/**
 * What a person sees once the output has settled: the terminal's lines after
 * carriage returns, erase-to-end-of-line and colours have done their work.
 */
export function screenOf(output: string): string[] {
  const lines: string[] = [];
  let line = '';
  let column = 0;
  // eslint-disable-next-line no-control-regex -- escape sequences are what this reads
  for (const token of output.match(/\u001b\[[0-9;]*[A-Za-z]|[\s\S]/g) ?? []) {
    if (token === '\r') {
      column = 0;
    } else if (token === '\n') {
      lines.push(line);
      line = '';
      column = 0;
    } else if (token === '\u001b[K') {
      line = line.slice(0, column);
    } else if (token.startsWith('\u001b[')) {
      continue;
    } else {
      line = line.slice(0, column) + token + line.slice(column + 1);
      column++;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => stripVTControlCharacters(text));
}
