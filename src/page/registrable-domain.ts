import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';
import { BoundedCache } from '../bounded-cache.js';

// tldts is CommonJS with the public suffix list inlined: imported from ESM,
// Node first lexes that whole file for its export names (~70 ms per run);
// required, it is only compiled.
const { getDomain } = createRequire(import.meta.url)('tldts') as typeof Tldts;

// `scheme://user@host:port` of an absolute URL as the URL parser writes it,
// which always has a path, so it ends at the first slash after the scheme's.
// Without an authority (`http:///x`), the host would come from past it: none.
function originPartOf(url: string): string | undefined {
  const start = url.indexOf('//');
  if (start === -1) return undefined;
  const end = url.indexOf('/', start + 2);
  return end <= start + 2 ? undefined : url.slice(0, end);
}

function domainOf(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url;
  // The private section too (github.io, …), as the URL standard's registrable domain does.
  return getDomain(parsed.hostname, { allowPrivateDomains: true }) ?? parsed.hostname;
}

/**
 * The site a URL belongs to for `page.thirdParty`: its registrable domain by
 * the public suffix list (`www.example.co.uk` → `example.co.uk`), or the host
 * itself where there is none (an IP address, `localhost`).
 */
export function registrableDomain(url: string): string {
  const key = originPartOf(url);
  return key === undefined ? domainOf(url) : knownDomains.get(key);
}

// A page counts every request's domain, and a run meets few distinct hosts:
// remembered per scheme and authority, most requests cost a substring and a
// Map lookup instead of a URL parse and a public-suffix-list walk. The host
// ends within the key, so the key with a path has the URL's host.
const knownDomains = new BoundedCache((originPart) => domainOf(`${originPart}/`));
