import { TextDecoder } from 'node:util';
import zlib from 'node:zlib';
import { messageOf } from '../errors.js';
import { isGzipSitemap, sitemapMaxBytes } from './sitemap-gzip.js';
import { createSitemapParser, type SitemapParser } from './sitemap-parser.js';

/** Where a sitemap's entries go. */
export interface SitemapEntries {
  /** A page's `<loc>`, as written. */
  onUrl(loc: string): void;
  /** A sitemap's `<loc>` in a sitemap index, as written. */
  onSitemap(loc: string): void;
}

/**
 * One sitemap's body on its way to the parser, as it streams: gunzipped when
 * its first bytes are gzip's (the gunzip stops at `sitemapMaxBytes`, so a
 * small file that unpacks to gigabytes costs no more than a big sitemap),
 * then decoded as UTF-8 and parsed. Problems are collected for one warning.
 */
export class SitemapBody {
  readonly #url: string;
  readonly #contentType: string | null;
  readonly #parser: SitemapParser;
  readonly #decoder = new TextDecoder('utf-8');
  #head: Buffer[] = [];
  #headBytes = 0;
  #decided = false;
  #gunzip: zlib.Gunzip | undefined;
  #unzipped = 0;
  #stopped = false;
  #problem: string | undefined;

  constructor(url: string, contentType: string | null, entries: SitemapEntries) {
    this.#url = url;
    this.#contentType = contentType;
    this.#parser = createSitemapParser({
      onUrl: (loc) => {
        entries.onUrl(loc);
      },
      onSitemap: (loc) => {
        entries.onSitemap(loc);
      },
      onError: (error) => {
        this.#fail(`${url} is not a sitemap: ${error.message}`);
      },
    });
  }

  write(chunk: Buffer): void {
    if (this.#stopped) return;
    if (this.#decided) {
      this.#feed(chunk);
      return;
    }
    this.#head.push(chunk);
    this.#headBytes += chunk.length;
    if (this.#headBytes >= 2) this.#decide();
  }

  /** Ends the body; resolves to what went wrong with it, if anything. */
  async end(): Promise<string | undefined> {
    if (!this.#decided) this.#decide();
    const gunzip = this.#gunzip;
    if (gunzip !== undefined && !this.#stopped) {
      await new Promise<void>((resolve) => {
        gunzip.once('end', resolve).once('close', resolve);
        gunzip.end();
      });
    }
    if (!this.#stopped) {
      this.#text(undefined);
      this.#parser.end();
    }
    this.#stop();
    return this.#problem;
  }

  #decide(): void {
    this.#decided = true;
    const head = Buffer.concat(this.#head);
    this.#head = [];
    if (isGzipSitemap({ url: this.#url, contentType: this.#contentType, head })) {
      const gunzip = zlib.createGunzip();
      gunzip.on('data', (unzipped: Buffer) => {
        this.#unzipped += unzipped.length;
        if (this.#unzipped > sitemapMaxBytes)
          this.#fail(`${this.#url} unpacks to more than ${sitemapMaxBytes / 1024 ** 2} MiB: the rest is ignored`);
        else this.#text(unzipped);
      });
      gunzip.on('error', (error) => {
        this.#fail(`${this.#url} is not valid gzip: ${error.message}`);
      });
      this.#gunzip = gunzip;
    }
    if (head.length > 0) this.#feed(head);
  }

  #feed(chunk: Buffer): void {
    if (this.#gunzip === undefined) this.#text(chunk);
    else this.#gunzip.write(chunk);
  }

  #text(bytes: Buffer | undefined): void {
    if (this.#stopped) return;
    try {
      const text = bytes === undefined ? this.#decoder.decode() : this.#decoder.decode(bytes, { stream: true });
      if (text !== '') this.#parser.write(text);
    } catch (error) {
      this.#fail(`${this.#url} could not be parsed: ${messageOf(error)}`);
    }
    // The protocol's 50 000 entries are read; the rest of the file need not be.
    if (this.#parser.full) this.#stop();
  }

  #fail(problem: string): void {
    this.#problem ??= problem;
    this.#stop();
  }

  #stop(): void {
    this.#stopped = true;
    this.#gunzip?.destroy();
  }
}
