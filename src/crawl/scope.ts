import { normalizeUrl } from './normalize-url.js';

/**
 * The scope a crawl from `startUrl` keeps to when no `--scope` is given: the
 * start URL, normalised, up to and including the last `/` of its path, so
 * `https://a.example/docs/intro.html?x=1` crawls `https://a.example/docs/`.
 *
 * @returns null when `startUrl` is not an http(s) URL.
 */
export function defaultScope(startUrl: string): string | null {
  const normalized = normalizeUrl(startUrl);
  if (normalized === null) return null;
  const url = new URL(normalized);
  const path = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  return `${normalized.slice(0, normalized.length - url.pathname.length - url.search.length)}${path}`;
}

/**
 * A `--scope` prefix in the form links are compared in (see normalizeUrl),
 * so `HTTPS://A.example:443/docs` matches `https://a.example/docs/x`. It stays
 * a plain prefix: `https://a.example/docs` is in scope for `/docs-old/` too.
 *
 * @returns null when `prefix` is not an http(s) URL.
 */
export function scopePrefix(prefix: string): string | null {
  return normalizeUrl(prefix);
}

/** Whether a normalised URL starts with one of the normalised prefixes. */
export function inScope(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => url.startsWith(prefix));
}
