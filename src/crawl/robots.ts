import robotsModule from 'robots-parser';
import { normalizePercents, normalizeUrl } from './normalize-url.js';

// robots-parser is CommonJS whose types claim an ESM default export; imported
// from ESM, the default is `module.exports`, the function itself.
const robotsParser = robotsModule as unknown as typeof robotsModule.default;

/**
 * The part of a robots.txt that is read (RFC 9309 section 2.5: at least 500
 * KiB); the fetcher may stop reading the body there.
 */
export const robotsMaxBytes = 500 * 1024;

/** Redirects followed for a robots.txt at most (RFC 9309 section 2.3.1.2). */
export const robotsMaxRedirects = 5;

const userAgent = 'sitesize';

/** What an origin's robots.txt lets a crawl do. */
export interface RobotsRules {
  /** Whether a link to `url`, a URL of the file's own origin, may be followed. */
  isAllowed(url: string): boolean;
  /** The least gap in seconds between page starts on the origin, if the file sets one. */
  crawlDelay(): number | undefined;
  /** The sitemaps the file names, as written. */
  sitemaps(): readonly string[];
}

/** How the fetch of a robots.txt ended: a response, or an error code. */
export type RobotsFetchOutcome = { readonly status: number; readonly text: string } | { readonly errorCode: string };

// Cuts at the last line break within the limit, so that a line cut in two
// (`Disallow: /private` read as `Disallow: /pri`) does not become a rule.
function withinLimit(text: string): string {
  // A UTF-16 code unit takes at most 3 bytes of UTF-8.
  if (text.length * 3 <= robotsMaxBytes) return text;
  const bytes = Buffer.from(text);
  if (bytes.length <= robotsMaxBytes) return text;
  const kept = bytes.subarray(0, robotsMaxBytes);
  const lastBreak = Math.max(kept.lastIndexOf(0x0a), kept.lastIndexOf(0x0d));
  return kept.toString('utf8', 0, lastBreak + 1);
}

// RFC 9309 section 2.2.2 compares paths with unreserved characters decoded
// on both sides: `Disallow: /%7Euser` is about the URL `/~user`, which is how
// normalizeUrl writes it. robots-parser only upper-cases the hex.
function withNormalizedPaths(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      const key = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
      if (key !== 'allow' && key !== 'disallow') return line;
      return line.slice(0, colon + 1) + normalizePercents(line.slice(colon + 1));
    })
    .join('\n');
}

function checkOrigin(robotsUrl: string): (url: string) => void {
  const origin = new URL(robotsUrl).origin;
  return (url) => {
    if (new URL(url).origin !== origin) {
      throw new TypeError(`${url} is not of the origin of ${robotsUrl}`);
    }
  };
}

function everything(robotsUrl: string, allowed: boolean): RobotsRules {
  const check = checkOrigin(robotsUrl);
  return {
    isAllowed: (url) => {
      check(url);
      return allowed;
    },
    crawlDelay: () => undefined,
    sitemaps: () => [],
  };
}

/**
 * The rules of a robots.txt for user agent `sitesize`, else `*`. `robotsUrl`
 * is the URL asked for, not the one a redirect ended at: the rules are those
 * of the origin that was asked about. Text past `robotsMaxBytes` is ignored.
 * A URL is judged in the form normalizeUrl gives it, the one it is fetched by.
 */
export function parseRobots(robotsUrl: string, text: string): RobotsRules {
  const check = checkOrigin(robotsUrl);
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const robots = robotsParser(robotsUrl, withNormalizedPaths(withinLimit(withoutBom)));
  const delay = robots.getCrawlDelay(userAgent);
  return {
    isAllowed: (url) => {
      check(url);
      return robots.isAllowed(normalizeUrl(url) ?? url, userAgent) !== false;
    },
    crawlDelay: () => (delay !== undefined && Number.isFinite(delay) && delay >= 0 ? delay : undefined),
    sitemaps: () => robots.getSitemaps(),
  };
}

/**
 * The rules that follow from how the fetch of a robots.txt ended, as RFC 9309
 * section 2.3.1 says: a 2xx file is parsed; a 4xx (404 included) means there
 * are no rules; a 5xx or no response at all (an unreachable server) means
 * complete disallow, which the RFC keeps "for a while" and sitesize, which
 * reads each robots.txt once, for the whole run. Redirects are the fetcher's
 * to follow, up to `robotsMaxRedirects`; more is the RFC's "unavailable".
 *
 * 429 counts as a 5xx, as Google's crawlers do: a server that says it has too
 * many requests has not said its pages are open to a crawl. A robots.txt that
 * was not fetched because its address is more private than the page that led
 * there (`BLOCKED`) sets no rule: each page of that origin is then refused in
 * the same way and gets its own `BLOCKED` record.
 */
export function robotsFromStatus(robotsUrl: string, outcome: RobotsFetchOutcome): RobotsRules {
  if ('errorCode' in outcome) return everything(robotsUrl, outcome.errorCode === 'TOO_MANY_REDIRECTS' || outcome.errorCode === 'BLOCKED');
  const { status } = outcome;
  if (status >= 200 && status < 300) return parseRobots(robotsUrl, outcome.text);
  // A 3xx here is one the fetcher could not follow: the file is unavailable.
  if (status >= 300 && status < 500 && status !== 429) return everything(robotsUrl, true);
  return everything(robotsUrl, false);
}
