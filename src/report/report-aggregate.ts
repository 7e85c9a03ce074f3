import { resourceTypes, type ErrorCode, type PageWeight, type ResourceType, type SizeRecord, type TypeTotals } from '../record.js';
import { clip } from './html-text.js';
import { pageWeight, typeOfContent } from './page-weight.js';
import { LogHistogram } from './percentiles.js';
import { ResourceTally } from './resource-tally.js';
import { SiteTally } from './site-tally.js';
import { TopList } from './top-list.js';
import { WeightBins } from './weight-bins.js';

/** One of the heaviest pages. */
export interface HeavyPage {
  url: string;
  status: number | null;
  weight: number;
  bytes: number | null;
  /** With `--page`: its requests. */
  requests: number | undefined;
  error: ErrorCode | undefined;
}

export interface FailureCount {
  count: number;
  /** The first URLs that failed so, at most `maxExamples`. */
  examples: string[];
}

/** The sums of the records' `page` objects. */
export interface PageSums {
  pages: number;
  requests: number;
  transferBytes: number;
  bytes: number;
  thirdParty: { requests: number; transferBytes: number };
  deferred: number;
  failed: number;
}

export const shownRows = 50;
const maxExamples = 5;

const statusClass = (status: number | null): string => (status === null ? 'none' : `${Math.floor(status / 100)}xx`);

/**
 * What the HTML report shows, kept while the run streams: counters, a
 * histogram, top-N heaps and capped lists, so that its size does not grow
 * with the number of records (nor does the report made from it).
 */
export class ReportAggregate {
  /** `--budget` in bytes: heavier pages are over it. */
  readonly budget: number | undefined;
  urls = 0;
  ok = 0;
  bytes = 0;
  encodedBytes = 0;
  /** Σ of the page weights (see `pageWeight`). */
  weightBytes = 0;
  overBudget = 0;
  readonly statuses = new Map<string, number>();
  readonly failures = new Map<ErrorCode, FailureCount>();
  readonly bins = new WeightBins();
  readonly spread = new LogHistogram();
  readonly heaviest = new TopList<HeavyPage>(shownRows);
  /** By resource type: Σ of `page.types`, or without `--page` each response by its Content-Type. */
  readonly types = Object.fromEntries(resourceTypes.map((type) => [type, { requests: 0, transferBytes: 0, bytes: 0 }])) as Record<
    ResourceType,
    TypeTotals
  >;
  readonly page: PageSums = {
    pages: 0,
    requests: 0,
    transferBytes: 0,
    bytes: 0,
    thirdParty: { requests: 0, transferBytes: 0 },
    deferred: 0,
    failed: 0,
  };
  readonly subresourceErrors = new Map<ErrorCode, number>();
  /** Records with `depth`: a crawl. */
  readonly site = new SiteTally();
  /** The heaviest resources, from the run's `onRequest` entries (with `--page`). */
  readonly resources = new ResourceTally();

  constructor({ budget }: { budget?: number } = {}) {
    this.budget = budget;
  }

  add(record: SizeRecord): void {
    this.urls++;
    this.bytes += record.bytes ?? 0;
    this.encodedBytes += record.encodedBytes ?? 0;
    const status = statusClass(record.status);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    if (record.error === null) this.ok++;
    else this.#addFailure(record.error.code, record.url);
    const weight = pageWeight(record);
    if (weight !== undefined) this.#addWeight(record, weight);
    if (record.page !== undefined) this.#addPage(record.page);
    else if (weight !== undefined)
      this.#addType(typeOfContent(record.contentType), { requests: 1, transferBytes: weight, bytes: record.bytes ?? 0 });
    if (record.depth !== undefined) this.site.add(record, record.depth, weight ?? 0);
  }

  get failed(): number {
    return this.urls - this.ok;
  }

  #addFailure(code: ErrorCode, url: string): void {
    const failure = this.failures.get(code) ?? { count: 0, examples: [] };
    failure.count++;
    if (failure.examples.length < maxExamples) failure.examples.push(clip(url));
    this.failures.set(code, failure);
  }

  #addWeight(record: SizeRecord, weight: number): void {
    this.weightBytes += weight;
    this.bins.add(weight);
    this.spread.add(weight);
    if (this.budget !== undefined && weight > this.budget) this.overBudget++;
    if (!this.heaviest.admits(weight)) return;
    const { status, bytes } = record;
    this.heaviest.add(weight, {
      url: clip(record.url),
      status,
      weight,
      bytes: record.page?.bytes ?? bytes,
      requests: record.page?.requests,
      error: record.error?.code,
    });
  }

  #addPage(page: PageWeight): void {
    const sums = this.page;
    sums.pages++;
    sums.requests += page.requests;
    sums.transferBytes += page.transferBytes;
    sums.bytes += page.bytes;
    sums.thirdParty.requests += page.thirdParty.requests;
    sums.thirdParty.transferBytes += page.thirdParty.transferBytes;
    sums.deferred += page.deferred;
    sums.failed += page.failed;
    for (const type of resourceTypes) this.#addType(type, page.types[type]);
    for (const [code, count] of Object.entries(page.errors) as [ErrorCode, number][]) {
      this.subresourceErrors.set(code, (this.subresourceErrors.get(code) ?? 0) + count);
    }
  }

  #addType(type: ResourceType, totals: TypeTotals): void {
    const sums = this.types[type];
    sums.requests += totals.requests;
    sums.transferBytes += totals.transferBytes;
    sums.bytes += totals.bytes;
  }
}
