import { writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { messageOf } from '../errors.js';
import type { RequestEntry } from '../record.js';
import { countSelected } from '../input/select.js';
import { readLines, type Source } from '../input/sources.js';
import { LineWriter } from '../output/line-writer.js';
import { openOutput, type Output } from '../output/open-output.js';
import { createRecordOutput } from '../output/record-output.js';
import { ProgressLine, type ProgressState } from '../report/progress.js';
import type { CrawlReport } from '../options.js';
import { formatSite, SiteTotals } from '../report/site-totals.js';
import { summaryJson } from '../report/summary-json.js';
import { RunSummary } from '../report/summary.js';
import { canColor, isTerminal } from '../report/terminal.js';
import { tuneEngineForCli } from './engine-flags.js';
import { exitFailed, exitInterrupted, exitOk, exitOverBudget, exitUsage } from './exit-codes.js';
import type { Io } from './io.js';
import { toMeasureOptions, toRecordShape, toSelection } from './measure-options.js';
import { previousPages } from './previous-pages.js';
import type { CliOptions } from './program.js';
import { loadResumeFile, ResumeError, type ResumeState } from './resume.js';
import { RunReport } from './run-report.js';
import { warn } from './warn.js';

// On by default only for a person watching stderr; --progress and --no-progress decide otherwise.
function createProgress(options: CliOptions, stderr: Writable, read: () => ProgressState): ProgressLine | undefined {
  if (!(options.progress ?? isTerminal(stderr))) return undefined;
  return new ProgressLine(stderr, read, { color: canColor(stderr) });
}

type RequestListener = (entry: RequestEntry) => void;

// One listener that calls each of `listeners` that is there, or none when none is.
function allOf(listeners: (RequestListener | undefined)[]): RequestListener | undefined {
  const present = listeners.filter((listener) => listener !== undefined);
  if (present.length <= 1) return present[0];
  return (entry) => {
    for (const listener of present) listener(entry);
  };
}

/** Measures the URLs of `sources` and writes the records; resolves to the exit code. */
export async function run(sources: Source[], options: CliOptions, io: Io): Promise<number> {
  const ignoreError = (): void => undefined;
  io.stderr.on('error', ignoreError);
  let resumed: ResumeState | undefined;
  let output: Output;
  try {
    if (options.resume === true && options.output !== undefined) resumed = await loadResumeFile(options.output, options.budget);
  } catch (error) {
    warn(io, error instanceof ResumeError ? error.message : `cannot resume from ${options.output ?? ''}: ${messageOf(error)}`);
    return exitUsage;
  }
  let report: RunReport | undefined;
  try {
    if (options.report !== undefined) report = await RunReport.open(options.report, options.budget);
  } catch (error) {
    warn(io, `cannot write the report ${options.report ?? ''}: ${messageOf(error)}`);
    return exitUsage;
  }
  try {
    output = await openOutput(options.output, resumed !== undefined, io.stdout);
  } catch (error) {
    warn(io, `cannot write ${options.output ?? 'stdout'}: ${messageOf(error)}`);
    return exitUsage;
  }
  if (resumed !== undefined && options.quiet !== true) {
    warn(io, `resuming ${options.output ?? ''}: ${resumed.records} records kept`);
  }

  const interrupt = new AbortController();
  const onSignal = (): void => {
    interrupt.abort();
  };
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  const writer = new LineWriter(output.stream, { batch: !isTerminal(output.stream) });
  const shape = toRecordShape(options);
  const records = createRecordOutput(options.format, writer, { color: canColor(output.stream), shape });
  const summary = new RunSummary(options.budget === undefined ? {} : { budget: options.budget });
  if (options.co2 === true && !shape.page && options.quiet !== true) warn(io, '--co2 adds page.co2, which only records of --page have');
  const crawling = options.crawl === true;
  const site = crawling ? new SiteTotals({ page: options.page === true }) : undefined;
  let crawlReport: CrawlReport | undefined;
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
  // Each request goes to the HAR output, the report's heaviest resources and a crawl's distinct-URL weight, whichever are on.
  const onRequest = allOf([records.onRequest, report?.onRequest, site?.onRequest]);
  const measureOptions = {
    ...toMeasureOptions(
      options,
      interrupt.signal,
      selection,
      resumed && options.output !== undefined ? previousPages(options.output) : undefined,
    ),
    ...(onRequest === undefined ? {} : { onRequest }),
    ...(crawling
      ? {
          onWarning: (message: string) => {
            if (options.quiet === true) return;
            progress?.hide();
            warn(io, message);
          },
          onCrawlEnd: (report: CrawlReport) => (crawlReport = report),
        }
      : {}),
  };
  try {
    await records.begin();
    if (progress !== undefined) {
      progress.start();
      // Only files can be read twice: with stdin among the sources, the total stays unknown; so is a crawl's.
      if (!sources.includes('-') && !crawling) {
        countSelected(readLines(sources, io.stdin), selection, counting.signal).then(
          (count) => (total = count),
          () => undefined,
        );
      }
    }
    for await (const record of measure(readLines(sources, io.stdin), measureOptions)) {
      // URLs cut off by Ctrl-C get no record, so a resumed run measures them again.
      if (interrupt.signal.aborted && record.error?.code === 'ABORTED') continue;
      summary.add(record);
      site?.add(record);
      report?.add(record);
      if (sharesTerminal) progress.hide();
      if (!(await records.write(record))) break;
    }
  } catch (error) {
    failure = { error };
  } finally {
    progress?.stop();
    counting.abort();
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    // An interrupted run still ends its document (HAR's closing brackets).
    await records.end().catch((error: unknown) => (failure ??= { error }));
    writer.dispose();
    await output.close();
    // A stdin still open (a pipe that sends more) must not keep the process alive.
    if (sources.includes('-')) io.stdin.destroy();
  }
  const siteSummary = site?.summary(crawlReport);
  // Written after an interruption too, with what was measured, and whatever
  // happened to stdout: the file is wanted all the same.
  let reportNote: string | undefined;
  let reportWritten = true;
  if (report !== undefined) {
    try {
      reportNote = await report.save({ elapsedSeconds: summary.seconds, interrupted: interrupt.signal.aborted, generatedAt: new Date() });
    } catch (error) {
      warn(io, `cannot write the report ${options.report ?? ''}: ${messageOf(error)}`);
      reportWritten = false;
    }
  }
  let summaryWritten = true;
  if (options.summaryJson !== undefined) {
    // The page key comes from the page mode's totals, once --page gives records their page objects.
    const json = summaryJson(summary, {
      interrupted: interrupt.signal.aborted,
      ...(shape.page ? { page: summary.pages.toJSON() } : {}),
      ...(siteSummary ? { site: siteSummary } : {}),
    });
    try {
      await writeFile(options.summaryJson, json);
    } catch (error) {
      warn(io, `cannot write ${options.summaryJson}: ${messageOf(error)}`);
      summaryWritten = false;
    }
  }
  if (failure !== undefined) {
    warn(io, messageOf(failure.error));
    return exitUsage;
  }
  if (writer.failure) {
    warn(io, `cannot write the results: ${writer.failure.message}`);
    return exitFailed;
  }
  const failed = summary.failed > 0 || resumed?.failed === true || !summaryWritten || !reportWritten ? exitFailed : exitOk;
  const outcome = (summary.budget?.over ?? 0) > 0 || resumed?.overBudget === true ? exitOverBudget : failed;
  if (writer.closed) return outcome;
  if (options.quiet !== true) {
    for (const line of [
      ...summary.format(),
      ...(siteSummary ? formatSite(siteSummary) : []),
      ...(reportNote === undefined ? [] : [reportNote]),
    ]) {
      warn(io, line);
    }
  }
  if (interrupt.signal.aborted) return exitInterrupted;
  return outcome;
}
