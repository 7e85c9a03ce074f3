const trackingNames = new Set(['gclid', 'fbclid']);

function isTracking(name: string): boolean {
  return name.startsWith('utm_') || trackingNames.has(name);
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

// RFC 3986 section 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~".
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

/**
 * Percent-encoding in the form RFC 3986 section 6.2.2 calls equivalent:
 * `%7e` and `~` are the same URL, so are `%2f` and `%2F`; `%2F` and `/` are
 * not, so reserved characters stay encoded.
 */
export function normalizePercents(text: string): string {
  let result = '';
  let start = 0;
  for (let at = text.indexOf('%'); at !== -1; at = text.indexOf('%', at + 1)) {
    const high = text.charCodeAt(at + 1);
    const low = text.charCodeAt(at + 2);
    if (!isHexDigit(high) || !isHexDigit(low)) continue;
    const code = Number.parseInt(text.slice(at + 1, at + 3), 16);
    result += text.slice(start, at) + (isUnreserved(code) ? String.fromCharCode(code) : text.slice(at, at + 3).toUpperCase());
    start = at + 3;
    at += 2;
  }
  return result + text.slice(start);
}

// Filters the raw query rather than going through URLSearchParams, which
// would write the parameters it keeps differently (`+` for `%20`, ...).
function withoutTracking(query: string): string {
  if (query === '') return query;
  return query
    .split('&')
    .filter((pair) => {
      const equals = pair.indexOf('=');
      return !isTracking(equals === -1 ? pair : pair.slice(0, equals));
    })
    .join('&');
}

/**
 * The form of a link by which a crawl knows a page it has seen: `href`
 * resolved against `base` by the WHATWG URL parser (which lower-cases the
 * scheme and host, drops a default port and resolves dot segments), without
 * its fragment and the tracking parameters `utm_*`, `gclid` and `fbclid` (the
 * rest of the query is kept in its order), with percent-encoding in the path
 * and query normalised: upper-case hex, unreserved characters decoded.
 *
 * @returns null when `href` is not a URL or not an http(s) one
 * (`javascript:`, `mailto:`, `data:` ...).
 */
export function normalizeUrl(href: string, base?: string | URL): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return normalizedHref(url);
}

/** The form normalizeUrl gives an http(s) URL already parsed. */
export function normalizedHref(url: URL): string {
  const credentials = url.username === '' && url.password === '' ? '' : `${url.username}${url.password === '' ? '' : `:${url.password}`}@`;
  const query = withoutTracking(normalizePercents(url.search.slice(1)));
  return `${url.protocol}//${credentials}${url.host}${normalizePercents(url.pathname)}${query === '' ? '' : `?${query}`}`;
}
