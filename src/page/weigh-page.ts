import type { AddressSpace } from '../fetch/address-space.js';
import { fetchWithRetries } from '../fetch/fetch-with-retries.js';
import type { Attempt, AttemptOf, ScannedResponse } from '../fetch/measure-context.js';
import type { Target } from '../input/targets.js';
import type { PageWeight } from '../record.js';
import { acceptFor } from './destinations.js';
import { Page, type PageRun } from './page.js';
import { PageTally } from './page-tally.js';
import { reportRequests } from './request-entries.js';

/** The `page` of a line that was never fetched: nothing counted. */
export function emptyPageWeight(): PageWeight {
  return new PageTally().weight('');
}

/**
 * Weighs one URL as a page (SPEC "Page weight"): the document, whose
 * subresources are fetched while it still streams, as a browser's preload
 * scanner does; then, once it and its stylesheets are in, the images and
 * fonts its CSS loads. The record is the document's, with the `page` totals.
 */
export async function weighPage(
  run: PageRun,
  target: Target,
  of: {
    url: string;
    index: number;
    /** Another reader of the document's body, beside the page's own. */
    scan?: AttemptOf['scan'] | undefined;
    /** For a page that a page named (a crawl's link): the space of that page's response. */
    initiator?: AddressSpace | null | undefined;
    onStart?: (() => void) | undefined;
  },
): Promise<Attempt> {
  const page = new Page(run, of.index);
  const top = page.frame(true);
  page.exclude(target.url.href);
  // The page's own scan, and the caller's beside it (a crawl reads the links of the same body).
  const scan = (response: ScannedResponse): ((decoded: Buffer) => void) | undefined => {
    page.exclude(response.url);
    const own = top.scan(response);
    const theirs = of.scan?.(response);
    if (own === undefined || theirs === undefined) return own ?? theirs;
    return (decoded) => {
      own(decoded);
      theirs(decoded);
    };
  };
  // A browser asks for a document as such; an Accept given with -H wins.
  const asked = 'accept' in run.fetch.context.options.headers ? {} : { headers: { accept: acceptFor('document') } };
  const { url, index, initiator, onStart } = of;
  const attempt = await fetchWithRetries(run.fetch, target, {
    url,
    index,
    ...asked,
    exchanges: true,
    scan,
    ...(initiator === undefined ? {} : { initiator }),
    ...(onStart === undefined ? {} : { onStart }),
  });
  const { record } = attempt;
  page.scanned(top.finish());
  const exchanges = attempt.exchanges ?? [];
  page.tally.add(exchanges, 'document');
  reportRequests(run.onRequest, exchanges, of.index, 'document', false);
  await page.settle();
  page.requestCssResources();
  await page.settle();
  const weight = page.tally.weight(record.finalUrl ?? target.url.href);
  record.page = weight;
  // A page cut off by the run's stop is not weighed whole: like a URL cut off in flight, it is ABORTED.
  if (record.error === null && weight.errors.ABORTED !== undefined && run.fetch.stop.aborted) {
    record.error = { code: 'ABORTED', message: 'the run was interrupted while the page was weighed' };
  }
  return { record, retryAfter: attempt.retryAfter };
}
