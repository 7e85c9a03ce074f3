/**
 * The most a sitemap may be once gunzipped (sitemaps.org: 50 MB), for the
 * caller's size cap on the gunzip stream: a small .gz can unpack to far more.
 */
export const sitemapMaxBytes = 50 * 1024 * 1024;

const gzipTypes = new Set(['application/gzip', 'application/x-gzip']);

export interface SitemapResponse {
  /** The URL the sitemap came from, after redirects. */
  readonly url: string;
  /** Its Content-Type header, if any. */
  readonly contentType: string | null;
  /** The first bytes of the body as the fetcher's decoder gives them, after Content-Encoding. */
  readonly head: Uint8Array;
}

function declaresGzip(url: string, contentType: string | null): boolean {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return gzipTypes.has(type) || new URL(url).pathname.toLowerCase().endsWith('.gz');
}

/**
 * Whether a sitemap's body is itself gzip data, which the caller then
 * gunzips (with `zlib.createGunzip()`, stopping at `sitemapMaxBytes`) before
 * the sitemap parser sees it.
 *
 * The gzip magic bytes 1f 8b decide as soon as two bytes are in `head`: a
 * `.xml.gz` is often served with `Content-Encoding: gzip`, which the fetcher
 * has already removed, so the name and the Content-Type say what the file
 * was, not what the body now is (and XML cannot start with byte 1f). Only a
 * body shorter than two bytes is judged by its `.gz` name or gzip
 * Content-Type, so that it fails as a broken gzip stream, not as XML.
 */
export function isGzipSitemap(response: SitemapResponse): boolean {
  const { head } = response;
  if (head.length >= 2) return head[0] === 0x1f && head[1] === 0x8b;
  return declaresGzip(response.url, response.contentType);
}
