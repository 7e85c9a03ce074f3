import { spawn } from 'node:child_process';
import { outcomeOf } from './run.js';

export interface MeasuredRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakRssMb: number;
  seconds: number;
}

// Runs the built CLI's main() in a node process that, once main() returns,
// reports its own peak RSS (process.resourceUsage().maxRSS, in KiB) on stderr:
// the figure covers the whole run, not a sample of it.
const cliUrl = new URL('../../dist/cli/main.js', import.meta.url).href;
const peakRssWrapper = [
  `const { main } = await import(${JSON.stringify(cliUrl)});`,
  `process.exitCode = await main(process.argv.slice(0, 1).concat(['sitesize', ...process.argv.slice(1)]));`,
  `process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + '\\n');`,
].join('\n');

/** Runs the built CLI with `args` and reports its peak RSS in MiB. */
export function runWithPeakRss(args: string[], timeoutMs: number): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', peakRssWrapper, '--', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return outcomeOf(child, timeoutMs).then(({ code, signal, stdout, stderr }) => {
    const report = /^maxrss=(\d+)\n/m.exec(stderr);
    if (!report?.[1]) throw new Error(`no maxrss report (code ${code}, signal ${signal}): ${stderr}`);
    return {
      code,
      signal,
      stdout,
      stderr: stderr.replace(report[0], ''),
      peakRssMb: Number(report[1]) / 1024,
      seconds: (performance.now() - started) / 1000,
    };
  });
}
