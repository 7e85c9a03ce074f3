import { MeasureError } from '../errors.js';
import type { AddressSpace } from '../fetch/address-space.js';
import { toTarget } from '../input/targets.js';
import type { CrawlFetch } from './crawl-fetch.js';
import { SitemapBody, type SitemapEntries } from './sitemap-body.js';
import { sitemapMaxBytes } from './sitemap-gzip.js';

/** Sitemap files read per origin at most (index files and the sitemaps they list). */
export const maxSitemapsPerOrigin = 1000;

/** A sitemap to read, and the address space of the response that named it (null: the start URL's own origin). */
export interface SitemapSource {
  url: string;
  initiator: AddressSpace | null;
}

// Reads one sitemap through the crawl's requests; resolves to a warning, if
// any. `space` is told the address space the sitemap came from.
async function readSitemap(
  fetch: CrawlFetch,
  { url: sitemapUrl, initiator }: SitemapSource,
  entries: SitemapEntries,
  space: (addressSpace: AddressSpace | undefined) => void,
): Promise<string | undefined> {
  const target = toTarget(sitemapUrl);
  if (target instanceof MeasureError) return `sitemap ${sitemapUrl} is not an http(s) URL`;
  let body: SitemapBody | undefined;
  const { record } = await fetch(target, {
    url: sitemapUrl,
    index: -1,
    maxSize: sitemapMaxBytes,
    initiator,
    scan: ({ url, status, contentType, addressSpace }) => {
      space(addressSpace);
      if (status < 200 || status >= 300) return undefined;
      // A retried request starts its body again: so does the parse (the crawl's seen set drops repeated entries).
      body = new SitemapBody(url, contentType, entries);
      const current = body;
      return (decoded) => {
        current.write(decoded);
      };
    },
  });
  const problem = await body?.end();
  // A sitemap cut off by the end of the run is no problem of the sitemap's.
  if (record.error?.code === 'ABORTED') return undefined;
  if (record.error?.code === 'BLOCKED') return `sitemap ${sitemapUrl} is not read: ${record.error.message}`;
  if (record.error !== null) return `sitemap ${sitemapUrl} could not be read (${record.error.code}): ${record.error.message}`;
  if (body === undefined) return `sitemap ${sitemapUrl} answered ${record.status ?? 'nothing'}`;
  return problem;
}

/**
 * Reads the sitemaps of one origin, one after the other: those robots.txt
 * names, or `/sitemap.xml`, and the sitemaps that index files list (each
 * once, `maxSitemapsPerOrigin` at most). `onPage` gets each page entry with
 * the sitemap it came from and that sitemap's address space, and returns
 * false once the crawl wants no more.
 */
export async function seedFromSitemaps(
  fetch: CrawlFetch,
  first: readonly SitemapSource[],
  onPage: (loc: string, sitemapUrl: string, initiator: AddressSpace | undefined) => boolean,
  warn: (message: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const queue = [...first].slice(0, maxSitemapsPerOrigin);
  const queued = new Set(queue.map((source) => source.url));
  for (let source = queue.shift(); source !== undefined && !signal.aborted; source = queue.shift()) {
    const sitemapUrl = source.url;
    // Set from the parser's callbacks: an object, so that the check after the read sees it.
    const reading: { wanted: boolean; space?: AddressSpace | undefined } = { wanted: true };
    const problem = await readSitemap(
      fetch,
      source,
      {
        onUrl: (loc) => {
          if (reading.wanted) reading.wanted = onPage(loc, sitemapUrl, reading.space);
        },
        onSitemap: (loc) => {
          const next = URL.parse(loc, sitemapUrl)?.href;
          if (next === undefined || queued.has(next) || queued.size >= maxSitemapsPerOrigin) return;
          queued.add(next);
          queue.push({ url: next, initiator: reading.space ?? 'public' });
        },
      },
      (space) => (reading.space = space),
    );
    if (problem !== undefined) warn(problem);
    if (!reading.wanted) return;
  }
}
