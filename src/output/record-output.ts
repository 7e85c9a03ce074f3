import type { Format } from '../options.js';
import type { RequestEntry, SizeRecord } from '../record.js';
import { createFormatter } from './formatter.js';
import { HarWriter } from './har-writer.js';
import type { LineWriter } from './line-writer.js';
import type { RecordShape } from './record-shape.js';

/** The records of a run in its output format, on a LineWriter. */
export interface RecordOutput {
  /** For a format that shows each request (HAR): to be given to `measure()` as `onRequest`. */
  readonly onRequest: ((entry: RequestEntry) => void) | undefined;
  /** Writes what comes before the first record; resolves false once the stream has closed. */
  begin(): Promise<boolean>;
  /** Resolves false once the stream has closed (its reader went away). */
  write(record: SizeRecord): Promise<boolean>;
  /** Writes what comes after the last record, also when the run was interrupted, so a document stays whole. */
  end(): Promise<void>;
}

export interface RecordOutputOptions {
  color: boolean;
  shape: RecordShape;
  /** Where HAR's pages wait for the end of the run. Default `os.tmpdir()`. */
  directory?: string;
}

/** The output for `-f format`: lines (jsonl, csv, tsv, table) or one HAR document. */
export function createRecordOutput(format: Format, writer: LineWriter, options: RecordOutputOptions): RecordOutput {
  if (format === 'har')
    return new HarWriter(writer, {
      pages: options.shape.page,
      ...(options.directory === undefined ? {} : { directory: options.directory }),
    });
  const formatter = createFormatter(format, options);
  return {
    onRequest: undefined,
    begin: () => (formatter.header === '' ? Promise.resolve(true) : writer.write(formatter.header)),
    write: (record) => writer.write(formatter.format(record)),
    end: () => Promise.resolve(),
  };
}
