import type { RequestEntry, SizeRecord } from '../record.js';
import { formatBytes } from '../report/human-units.js';
import { ReportAggregate } from '../report/report-aggregate.js';
import type { RunFacts } from '../report/render-report.js';
import { checkReportPath, saveReport } from '../report/write-report.js';

/**
 * The run's `--report`: an aggregate fed with the records the run sees and
 * the requests `measure()` tells of, written to its file at the end.
 */
export class RunReport {
  readonly #path: string;
  readonly #aggregate: ReportAggregate;

  private constructor(path: string, budget: number | undefined) {
    this.#path = path;
    this.#aggregate = new ReportAggregate(budget === undefined ? {} : { budget });
  }

  /** Checks, before the first request, that the report can be written at `path`. */
  static async open(path: string, budget: number | undefined): Promise<RunReport> {
    await checkReportPath(path);
    return new RunReport(path, budget);
  }

  add(record: SizeRecord): void {
    this.#aggregate.add(record);
  }

  /** For `measure()`'s `onRequest`: the heaviest resources come from these. */
  readonly onRequest = (entry: RequestEntry): void => {
    this.#aggregate.resources.add(entry);
  };

  /** Writes the report (whole or not at all) and resolves to the line that says where. */
  async save(facts: RunFacts): Promise<string> {
    const bytes = await saveReport(this.#path, this.#aggregate, facts);
    return `report written to ${this.#path} (${formatBytes(bytes)})`;
  }
}
