import { TextDecoder } from 'node:util';
import type { AddressSpace } from '../fetch/address-space.js';
import { toTarget, type Target } from '../input/targets.js';
import type { CrawlFetch } from './crawl-fetch.js';
import { robotsFromStatus, robotsMaxBytes, robotsMaxRedirects, type RobotsFetchOutcome, type RobotsRules } from './robots.js';

// Reads a robots.txt through the crawl's requests; only a 2xx body is kept, and
// only up to the part that is read (the request stops there).
async function fetchRobots(
  fetch: CrawlFetch,
  robotsUrl: string,
  initiator: AddressSpace | null,
): Promise<{ outcome: RobotsFetchOutcome; truncated: boolean; addressSpace: AddressSpace | undefined }> {
  let pieces: string[] = [];
  const { record, addressSpace } = await fetch(toTarget(robotsUrl) as Target, {
    url: robotsUrl,
    index: -1,
    initiator,
    maxSize: robotsMaxBytes,
    maxRedirects: robotsMaxRedirects,
    scan: ({ status }) => {
      if (status < 200 || status >= 300) return undefined;
      const decoder = new TextDecoder('utf-8');
      pieces = [];
      return (decoded) => {
        pieces.push(decoder.decode(decoded, { stream: true }));
      };
    },
  });
  if (record.error !== null) return { outcome: { errorCode: record.error.code }, truncated: false, addressSpace };
  return { outcome: { status: record.status ?? 0, text: pieces.join('') }, truncated: record.truncated, addressSpace };
}

/**
 * Each origin's robots.txt, read once (the first caller fetches it, the others
 * wait for the same answer) and then known without waiting.
 */
export class RobotsCache {
  readonly #fetch: CrawlFetch;
  readonly #warn: (message: string) => void;
  readonly #loading = new Map<string, Promise<RobotsRules>>();
  readonly #known = new Map<string, RobotsRules>();
  readonly #spaces = new Map<string, AddressSpace>();

  constructor(fetch: CrawlFetch, warn: (message: string) => void) {
    this.#fetch = fetch;
    this.#warn = warn;
  }

  /** The address space the robots.txt of `origin` came from, once read (the initiator of the sitemaps it names). */
  spaceOf(origin: string): AddressSpace | undefined {
    return this.#spaces.get(origin);
  }

  /** The rules of `origin` if they have been read. */
  known(origin: string): RobotsRules | undefined {
    return this.#known.get(origin);
  }

  /**
   * The rules of `origin`, read first if need be; `initiator` is the address
   * space of the page whose link leads there (null for a start URL's origin),
   * so that a robots.txt is never fetched where its page may not be.
   */
  load(origin: string, initiator: AddressSpace | null = null): Promise<RobotsRules> {
    let rules = this.#loading.get(origin);
    if (rules === undefined) {
      rules = this.#read(origin, initiator);
      this.#loading.set(origin, rules);
    }
    return rules;
  }

  async #read(origin: string, initiator: AddressSpace | null): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const { outcome, truncated, addressSpace } = await fetchRobots(this.#fetch, robotsUrl, initiator);
    if (addressSpace !== undefined) this.#spaces.set(origin, addressSpace);
    const rules = robotsFromStatus(robotsUrl, outcome);
    if (truncated) this.#warn(`${robotsUrl} is larger than ${robotsMaxBytes / 1024} KiB: only that much of it is read`);
    if ('errorCode' in outcome && outcome.errorCode !== 'ABORTED' && outcome.errorCode !== 'BLOCKED') {
      this.#warn(`${robotsUrl} could not be read (${outcome.errorCode}): no link is followed on ${origin}`);
    } else if ('status' in outcome && (outcome.status >= 500 || outcome.status === 429)) {
      this.#warn(`${robotsUrl} answered ${outcome.status}: no link is followed on ${origin}`);
    }
    this.#known.set(origin, rules);
    return rules;
  }
}
