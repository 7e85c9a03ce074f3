import { getDomain } from 'tldts';

/**
 * The site a URL belongs to for `page.thirdParty`: its registrable domain by
 * the public suffix list (`www.example.co.uk` → `example.co.uk`), or the host
 * itself where there is none (an IP address, `localhost`).
 */
export function registrableDomain(url: string): string {
  const parsed = URL.parse(url);
  if (parsed === null) return url;
  // The private section too (github.io, …), as the URL standard's registrable domain does.
  return getDomain(parsed.hostname, { allowPrivateDomains: true }) ?? parsed.hostname;
}
