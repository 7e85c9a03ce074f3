import type { CrawlReport, StoppedBy } from '../options.js';
import { formatBytes } from './human-units.js';
import { SeenSet } from '../crawl/seen-set.js';
import type { ErrorCode, RequestEntry, SizeRecord } from '../record.js';

/** Broken pages kept by URL for the summary, at most: the first found. */
export const maxBrokenListed = 1000;

/** A page of the site that answered 4xx/5xx or failed. */
export interface BrokenLink {
  url: string;
  status: number | null;
  code: ErrorCode | null;
  /** The page it was first found on; null for a start URL. */
  linkedFrom: string | null;
  /** Distinct pages linking to it (once the crawl has ended). */
  referrers: number;
}

/** The `site` key of `--summary-json`. */
export interface SiteSummary {
  pages: number;
  brokenLinks: number;
  pageTransferBytes: number;
  uniqueTransferBytes: number;
  stoppedBy: StoppedBy;
  outOfScope: number;
  disallowed: number;
  /** Pages found and not measured: what an interrupted crawl had still to do. */
  unvisited: number;
  broken: BrokenLink[];
}

// What a page's first visit costs over the wire: its page weight with --page, else its one response.
function transferBytes(record: SizeRecord): number {
  return record.page?.transferBytes ?? (record.headerBytes ?? 0) + (record.encodedBytes ?? 0);
}

/**
 * The totals of a crawled site, in bounded memory: counts and sums, and the
 * first `maxBrokenListed` broken pages with where they were linked from.
 */
export class SiteTotals {
  pages = 0;
  brokenLinks = 0;
  pageTransferBytes = 0;
  uniqueTransferBytes = 0;
  readonly #broken: Omit<BrokenLink, 'referrers'>[] = [];
  // With --page: every URL requested so far (pages, their subresources, redirect hops) as fingerprints,
  // ~16 bytes each, so that a stylesheet shared by every page of the site is counted once.
  readonly #requested: SeenSet | undefined;

  /** With --page, told of every request of the pages: its bytes count towards the distinct-URL weight the first time its URL comes. */
  readonly onRequest: ((entry: RequestEntry) => void) | undefined;

  constructor({ page = false }: { page?: boolean } = {}) {
    const requested = page ? new SeenSet() : undefined;
    this.#requested = requested;
    this.onRequest =
      requested &&
      ((entry) => {
        if (requested.add(entry.url)) this.uniqueTransferBytes += (entry.headerBytes ?? 0) + (entry.encodedBytes ?? 0);
      });
  }

  add(record: SizeRecord): void {
    this.pages += 1;
    const bytes = transferBytes(record);
    this.pageTransferBytes += bytes;
    // Without --page each page of a crawl is one distinct URL; with it, its requests count in onRequest.
    if (this.#requested === undefined) this.uniqueTransferBytes += bytes;
    const broken = record.error !== null || (record.status !== null && record.status >= 400);
    if (!broken) return;
    this.brokenLinks += 1;
    if (this.#broken.length < maxBrokenListed) {
      this.#broken.push({
        url: record.url,
        status: record.status,
        code: record.error?.code ?? null,
        linkedFrom: record.linkedFrom ?? null,
      });
    }
  }

  summary(report: CrawlReport | undefined): SiteSummary {
    return {
      pages: this.pages,
      brokenLinks: this.brokenLinks,
      pageTransferBytes: this.pageTransferBytes,
      uniqueTransferBytes: this.uniqueTransferBytes,
      stoppedBy: report?.stoppedBy ?? null,
      outOfScope: report?.outOfScope ?? 0,
      disallowed: report?.disallowed ?? 0,
      unvisited: report?.unvisited ?? 0,
      broken: this.#broken.map((link) => ({ ...link, referrers: report?.referrers(link.url) ?? 0 })),
    };
  }
}

/** The stderr lines of a crawl: the site's totals, then its most linked broken pages. */
export function formatSite(site: SiteSummary, most = 5): string[] {
  const stopped = site.stoppedBy === null ? '' : `; stopped by --${site.stoppedBy}`;
  const left = [
    ...(site.outOfScope > 0 ? [`${site.outOfScope} links out of scope`] : []),
    ...(site.disallowed > 0 ? [`${site.disallowed} pages disallowed by robots.txt`] : []),
    ...(site.unvisited > 0 ? [`${site.unvisited} pages found and not measured`] : []),
  ];
  const lines = [
    `site: ${site.pages} page${site.pages === 1 ? '' : 's'}, ${formatBytes(site.pageTransferBytes)} transferred, ` +
      `${site.brokenLinks} broken link${site.brokenLinks === 1 ? '' : 's'}${stopped}${left.length > 0 ? `; ${left.join(', ')}` : ''}`,
  ];
  const worst = [...site.broken].sort((a, b) => b.referrers - a.referrers).slice(0, most);
  for (const link of worst) {
    const what = link.code ?? String(link.status);
    const from =
      link.linkedFrom === null
        ? 'a start URL'
        : `linked from ${link.referrers} page${link.referrers === 1 ? '' : 's'}, first ${link.linkedFrom}`;
    lines.push(`broken: ${what} ${link.url} (${from})`);
  }
  return lines;
}
