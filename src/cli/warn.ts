import type { Writable } from 'node:stream';

/** One line on stderr, under the tool's name, for the person running it. */
export function warn(io: { stderr: Writable }, message: string): void {
  io.stderr.write(`sitesize: ${message}\n`);
}
