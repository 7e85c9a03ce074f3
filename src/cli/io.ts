import type { Readable, Writable } from 'node:stream';

/** The process around the CLI, injectable so that tests run `main()` in-process. */
export interface Io {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  /** Where SIGINT and SIGTERM come from. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
}
