// Turns a URL as a page names it into the absolute URL that is fetched, or
// into nothing: only http(s) leaves a page, and a fragment never reaches the
// server, so two URLs that differ only in it are one resource.

/** The http(s) URL a reference names (fragment included), or undefined for an empty, invalid or other-scheme reference. */
export function resolveHttpUrl(reference: string, base: string): URL | undefined {
  // The URL parser strips the same leading and trailing spaces; an empty
  // reference would resolve to the base itself, which no element means.
  if (reference.trim() === '') return undefined;
  const url = URL.parse(reference, base);
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return undefined;
  return url;
}

/** The absolute http(s) URL without fragment, or undefined for an empty, invalid or other-scheme reference. */
export function resolveUrl(reference: string, base: string): string | undefined {
  const url = resolveHttpUrl(reference, base);
  if (url === undefined) return undefined;
  url.hash = '';
  return url.href;
}
