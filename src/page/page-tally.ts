import type { Exchange } from '../fetch/exchange-log.js';
import { emptyTypeTotals, type ErrorCode, type PageWeight, type RecordError, type ResourceType } from '../record.js';
import { registrableDomain } from './registrable-domain.js';

/**
 * Adds up one page's requests as they complete (SPEC "Page weight"): every
 * request counts, redirect hops under `other`; the third-party share is
 * decided at the end, when the document's own domain is known for certain.
 */
export class PageTally {
  readonly #weight: PageWeight = {
    requests: 0,
    transferBytes: 0,
    encodedBytes: 0,
    bytes: 0,
    types: emptyTypeTotals(),
    thirdParty: { requests: 0, transferBytes: 0 },
    deferred: 0,
    failed: 0,
    errors: {},
    incomplete: false,
  };
  // Per registrable domain: at most one entry per request, and usually a handful.
  readonly #byDomain = new Map<string, { requests: number; transferBytes: number }>();

  /** The requests of one resource (its redirect hops, then itself), counted under `type`. */
  add(exchanges: readonly Exchange[], type: ResourceType): void {
    const last = exchanges.length - 1;
    exchanges.forEach((exchange, position) => {
      this.#count(exchange, position === last ? type : 'other');
    });
  }

  /** A subresource that got no complete response. */
  fail(error: RecordError): void {
    this.#weight.failed += 1;
    const code: ErrorCode = error.code;
    this.#weight.errors[code] = (this.#weight.errors[code] ?? 0) + 1;
  }

  defer(count: number): void {
    this.#weight.deferred += count;
  }

  markIncomplete(): void {
    this.#weight.incomplete = true;
  }

  /** The totals, with the requests of domains other than `documentUrl`'s as third-party. */
  weight(documentUrl: string): PageWeight {
    const own = registrableDomain(documentUrl);
    const thirdParty = { requests: 0, transferBytes: 0 };
    for (const [domain, totals] of this.#byDomain) {
      if (domain === own) continue;
      thirdParty.requests += totals.requests;
      thirdParty.transferBytes += totals.transferBytes;
    }
    return { ...this.#weight, thirdParty };
  }

  #count(exchange: Exchange, type: ResourceType): void {
    const encoded = exchange.encodedBytes ?? 0;
    const transfer = (exchange.headerBytes ?? 0) + encoded;
    const bytes = exchange.bytes ?? 0;
    const weight = this.#weight;
    weight.requests += 1;
    weight.transferBytes += transfer;
    weight.encodedBytes += encoded;
    weight.bytes += bytes;
    const totals = weight.types[type];
    totals.requests += 1;
    totals.transferBytes += transfer;
    totals.bytes += bytes;
    const domain = registrableDomain(exchange.url);
    const ofDomain = this.#byDomain.get(domain) ?? { requests: 0, transferBytes: 0 };
    ofDomain.requests += 1;
    ofDomain.transferBytes += transfer;
    this.#byDomain.set(domain, ofDomain);
  }
}
