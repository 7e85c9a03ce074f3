import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpillFile } from '../crawl/spill-file.js';
import type { RequestEntry, SizeRecord } from '../record.js';
import { version } from '../version.js';
import { harEntry } from './har-entry.js';
import { harPage, pageIdOf, requestOfRecord, type HarPage } from './har-record.js';
import type { LineWriter } from './line-writer.js';

// Pages kept in memory before they go to the spool file, and read back at once.
const pagesInMemory = 256;
const pagesPerRead = 1024;

/** A record whose requests have been written and which has not come yet. */
interface OpenPage {
  title: string;
  startedAt: number;
  endedAt: number;
}

/**
 * One HAR 1.2 document, written as the run goes: each entry goes out as soon
 * as its request is told (or its record comes, when nothing told of its
 * requests), and the pages, which HAR puts in an array of their own, wait in
 * a temporary file until the end, when they are copied in after the entries
 * (HAR's key order does not matter). Memory holds only the records in flight
 * and a batch of pages, however long the run.
 */
export class HarWriter {
  readonly #writer: LineWriter;
  readonly #pages: boolean;
  readonly #directory: string;
  readonly #open = new Map<number, OpenPage>();
  #entries = 0;
  #batch: string[] = [];
  #pageCount = 0;
  #spool: SpillFile | undefined;
  #ended = false;

  /** `pages`: the records are pages (`--page`), each with its entry in `log.pages`. */
  constructor(writer: LineWriter, { pages, directory = tmpdir() }: { pages: boolean; directory?: string }) {
    this.#writer = writer;
    this.#pages = pages;
    this.#directory = directory;
  }

  begin(): Promise<boolean> {
    const creator = JSON.stringify({ name: 'sitesize', version });
    return this.#writer.write(`{"log":{"version":"1.2","creator":${creator},"entries":[`);
  }

  /** Writes the entry of one request at once; the next `write()` waits for the stream. */
  readonly onRequest = (request: RequestEntry): void => {
    if (this.#ended) return;
    const endedAt = request.startedAt + request.timings.total;
    const page = this.#open.get(request.index);
    if (page === undefined) {
      this.#open.set(request.index, { title: request.url, startedAt: request.startedAt, endedAt });
    } else {
      page.startedAt = Math.min(page.startedAt, request.startedAt);
      page.endedAt = Math.max(page.endedAt, endedAt);
    }
    this.#writeEntry(request);
  };

  async write(record: SizeRecord): Promise<boolean> {
    const page = this.#open.get(record.index);
    this.#open.delete(record.index);
    // A line that was never fetched (not a URL, another scheme) made no request.
    if (page === undefined && record.attempts === 0) return this.#writer.drained();
    const startedAt = page?.startedAt ?? Date.now() - record.timings.total;
    if (page === undefined) this.#writeEntry(requestOfRecord(record, startedAt));
    if (this.#pages) {
      const loadMs = page === undefined ? record.timings.total : page.endedAt - page.startedAt;
      await this.#addPage(harPage(record.index, record.url, startedAt, loadMs));
    }
    return this.#writer.drained();
  }

  /**
   * Closes the entries and copies the pages in. A page whose requests were
   * written but whose record never came (cut off by Ctrl-C) gets its page
   * too, so that every `pageref` names a page.
   */
  async end(): Promise<void> {
    if (this.#ended) return;
    this.#ended = true;
    try {
      if (this.#pages) {
        for (const [index, page] of this.#open)
          await this.#addPage(harPage(index, page.title, page.startedAt, page.endedAt - page.startedAt));
      }
      this.#open.clear();
      if (!(await this.#writer.write('\n],"pages":['))) return;
      if (!(await this.#copyPages())) return;
      await this.#writer.write('\n]}}\n');
      // The document is whole: it need not wait for the end of this turn.
      this.#writer.flush();
    } finally {
      await this.#spool?.remove();
    }
  }

  #writeEntry(request: RequestEntry): void {
    const entry = harEntry(request, this.#pages ? pageIdOf(request.index) : undefined);
    this.#writer.writeNow(`${this.#entries++ === 0 ? '\n' : ',\n'}${JSON.stringify(entry)}`);
  }

  async #addPage(page: HarPage): Promise<void> {
    this.#batch.push(JSON.stringify(page));
    if (this.#batch.length < pagesInMemory) return;
    this.#spool ??= await SpillFile.create(join(this.#directory, 'sitesize-har-'));
    await this.#spool.append(this.#batch);
    this.#batch = [];
  }

  // The spooled pages first (they are the older ones), then the batch in memory.
  async #copyPages(): Promise<boolean> {
    const spool = this.#spool;
    while (spool !== undefined && spool.count > 0) {
      if (!(await this.#writePages(await spool.take(pagesPerRead)))) return false;
    }
    const ok = await this.#writePages(this.#batch);
    this.#batch = [];
    return ok;
  }

  #writePages(pages: string[]): Promise<boolean> {
    if (pages.length === 0) return Promise.resolve(true);
    const first = this.#pageCount === 0 ? '\n' : ',\n';
    this.#pageCount += pages.length;
    return this.#writer.write(`${first}${pages.join(',\n')}`);
  }
}
