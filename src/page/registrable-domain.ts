import { createRequire } from 'node:module';
import type * as Tldts from 'tldts';

// tldts is CommonJS with the public suffix list inlined: imported from ESM,
// Node first lexes that whole file for its export names (~70 ms per run);
// required, it is only compiled.
const { getDomain } = createRequire(import.meta.url)('tldts') as typeof Tldts;

// A page counts every request's domain, and a run meets few distinct hosts:
// remembered per scheme and authority, most requests cost a substring and a
// Map lookup instead of a URL parse and a public-suffix-list walk.
const knownDomains = new Map<string, string>();
const maxKnownDomains = 4096;

// `scheme://user@host:port` of an absolute URL as the URL parser writes it,
// which always has a path, so it ends at the first slash after the scheme's.
function originPartOf(url: string): string | undefined {
  const start = url.indexOf('//');
  if (start === -1) return undefined;
  const end = url.indexOf('/', start + 2);
  return end === -1 ? undefined : url.slice(0, end);
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
  if (key === undefined) return domainOf(url);
  let domain = knownDomains.get(key);
  if (domain === undefined) {
    domain = domainOf(url);
    if (knownDomains.size >= maxKnownDomains) knownDomains.clear();
    knownDomains.set(key, domain);
  }
  return domain;
}
