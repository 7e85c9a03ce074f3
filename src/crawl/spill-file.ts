import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

const newline = 0x0a;
const firstReadBytes = 64 * 1024;

/**
 * Lines of text written at the end of a temporary file and read back from its
 * start, in order: the part of a queue that does not fit in memory. Each line
 * must hold no line break, as JSON text does not. One call at a time.
 */
export class SpillFile {
  readonly #folder: string;
  readonly #handle: FileHandle;
  #readAt = 0;
  #writeAt = 0;
  #count = 0;
  #buffer = Buffer.alloc(firstReadBytes);

  private constructor(folder: string, handle: FileHandle) {
    this.#folder = folder;
    this.#handle = handle;
  }

  /** Makes a fresh folder named `prefix` and 6 random characters, and the file in it. */
  static async create(prefix: string): Promise<SpillFile> {
    const folder = await mkdtemp(prefix);
    try {
      return new SpillFile(folder, await open(join(folder, 'queue.jsonl'), 'w+'));
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
  }

  /** Lines written and not taken yet. */
  get count(): number {
    return this.#count;
  }

  async append(lines: readonly string[]): Promise<void> {
    if (lines.length === 0) return;
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    let written = 0;
    while (written < bytes.length) {
      const result = await this.#handle.write(bytes, written, bytes.length - written, this.#writeAt + written);
      written += result.bytesWritten;
    }
    this.#writeAt += bytes.length;
    this.#count += lines.length;
  }

  /** The next `most` lines at most, oldest first. */
  async take(most: number): Promise<string[]> {
    const lines: string[] = [];
    while (lines.length < most && this.#count > 0) {
      const length = Math.min(this.#buffer.length, this.#writeAt - this.#readAt);
      const { bytesRead } = await this.#handle.read(this.#buffer, 0, length, this.#readAt);
      if (bytesRead === 0) throw new Error(`The spill file in ${this.#folder} ended ${this.#count} lines early`);
      let start = 0;
      for (let end = this.#buffer.indexOf(newline, 0); end !== -1 && end < bytesRead; end = this.#buffer.indexOf(newline, start)) {
        lines.push(this.#buffer.toString('utf8', start, end));
        start = end + 1;
        this.#count -= 1;
        if (lines.length === most) break;
      }
      // A line longer than the buffer: read it again into one twice as big.
      if (start === 0) this.#buffer = Buffer.alloc(this.#buffer.length * 2);
      this.#readAt += start;
    }
    if (this.#count === 0) await this.#reset();
    return lines;
  }

  /** Closes and deletes the file and its folder. */
  async remove(): Promise<void> {
    try {
      await this.#handle.close();
    } finally {
      await rm(this.#folder, { recursive: true, force: true });
    }
  }

  // Once every line is taken the file starts over, so its size follows the
  // queue's backlog, not the number of entries that ever went through it.
  async #reset(): Promise<void> {
    await this.#handle.truncate(0);
    this.#readAt = 0;
    this.#writeAt = 0;
  }
}
