import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressSpace } from '../fetch/address-space.js';
import { SpillFile } from './spill-file.js';

/** A page waiting to be crawled. */
export interface FrontierEntry {
  readonly url: string;
  /** Link hops from a start URL (0 for a start URL). */
  readonly depth: number;
  /** The page it was first found on (or the sitemap); null for a start URL. */
  readonly linkedFrom: string | null;
  /** The address space of the response that named it (SPEC "What a page may make sitesize fetch"); absent for a start URL. */
  readonly initiator?: AddressSpace;
  /** Measured by an earlier run that is being resumed: fetched again for its links only. */
  readonly rescan?: true;
}

export interface FrontierOptions {
  /**
   * Entries kept in memory at most, at each end of the queue, so 2 × this
   * in all; the rest wait in a temporary file. Default 10 000.
   */
  readonly maxInMemory?: number;
  /** Where the temporary folder goes. Default `os.tmpdir()`. */
  readonly directory?: string;
}

/**
 * The breadth-first queue of a crawl. A site of a million pages can find far
 * more links than it is good to hold, so only the front and the back of the
 * queue stay in memory and the middle waits in a file (JSON lines, made on
 * the first spill and removed by close()). Calls run one after another in
 * the order they were made, so they need not be awaited one by one.
 */
export class Frontier {
  readonly #maxInMemory: number;
  readonly #directory: string;
  // Oldest first: #head[#headAt ..], then the file, then #tail.
  #head: FrontierEntry[] = [];
  #headAt = 0;
  #tail: FrontierEntry[] = [];
  #file: SpillFile | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #closed = false;

  constructor(options: FrontierOptions = {}) {
    const maxInMemory = options.maxInMemory ?? 10_000;
    if (!Number.isSafeInteger(maxInMemory) || maxInMemory < 1) {
      throw new TypeError(`Expected \`maxInMemory\` to be a positive integer, got ${maxInMemory}`);
    }
    this.#maxInMemory = maxInMemory;
    this.#directory = options.directory ?? tmpdir();
  }

  /** Entries waiting, in memory and in the file. */
  get size(): number {
    return this.#head.length - this.#headAt + (this.#file?.count ?? 0) + this.#tail.length;
  }

  /** Entries held in memory. */
  get inMemory(): number {
    return this.#head.length - this.#headAt + this.#tail.length;
  }

  /** Puts an entry at the back of the queue. */
  push(entry: FrontierEntry): Promise<void> {
    return this.#serially(async () => {
      const spilled = this.#file?.count ?? 0;
      if (spilled === 0 && this.#tail.length === 0 && this.#head.length - this.#headAt < this.#maxInMemory) {
        this.#head.push(entry);
        return;
      }
      this.#tail.push(entry);
      if (this.#tail.length < this.#maxInMemory) return;
      this.#file ??= await SpillFile.create(join(this.#directory, 'sitesize-frontier-'));
      await this.#file.append(this.#tail.map((waiting) => JSON.stringify(waiting)));
      this.#tail = [];
    });
  }

  /** Takes the entry at the front of the queue; undefined when it is empty. */
  shift(): Promise<FrontierEntry | undefined> {
    return this.#serially(async () => {
      if (this.#headAt === this.#head.length) await this.#refill();
      const entry = this.#head[this.#headAt];
      if (entry === undefined) return undefined;
      this.#headAt += 1;
      return entry;
    });
  }

  /** Removes the temporary file; the frontier is not to be used after. */
  close(): Promise<void> {
    return this.#serially(async () => {
      this.#closed = true;
      this.#head = [];
      this.#headAt = 0;
      this.#tail = [];
      await this.#file?.remove();
      this.#file = null;
    }, true);
  }

  async #refill(): Promise<void> {
    this.#headAt = 0;
    if (this.#file !== null && this.#file.count > 0) {
      const lines = await this.#file.take(this.#maxInMemory);
      this.#head = lines.map((line) => JSON.parse(line) as FrontierEntry);
    } else {
      this.#head = this.#tail;
      this.#tail = [];
    }
  }

  #serially<T>(operation: () => Promise<T>, evenWhenClosed = false): Promise<T> {
    const run = this.#chain.then(() => {
      if (this.#closed && !evenWhenClosed) throw new Error('The frontier is closed');
      return operation();
    });
    this.#chain = run.catch(() => undefined);
    return run;
  }
}
