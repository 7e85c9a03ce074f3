import { resolveHttpUrl } from '../page/resolve-url.js';
import { normalizedHref } from './normalize-url.js';

// A relative reference of plain path segments: letters, digits, `-`, `_`,
// `~`, `.` and `/`, starting with none of `.` and `/`, and no segment `.` or
// `..`. The URL parser neither encodes nor rewrites any of it, so it
// resolves to the base's directory followed by it, as it is.
const plainRelativePath = /^[\w~-][\w~./-]*$/;
const dotSegment = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * Resolves the links of one document, each to its crawl form (normalizeUrl)
 * or undefined, as resolveHttpUrl and normalizedHref would. Most links of a
 * site are plain relative paths, which are joined to the base's directory
 * without the URL parser, which parses the base again for every link.
 */
export class LinkResolver {
  #base: string | undefined;
  // The base's crawl form up to the last `/` of its path, or undefined for a base that is not http(s).
  #directory: string | undefined;

  resolve(href: string, base: string): string | undefined {
    if (plainRelativePath.test(href) && !dotSegment.test(href)) {
      const directory = this.#directoryOf(base);
      if (directory !== undefined) return directory + href;
    }
    const url = resolveHttpUrl(href, base);
    return url === undefined ? undefined : normalizedHref(url);
  }

  #directoryOf(base: string): string | undefined {
    if (base !== this.#base) {
      this.#base = base;
      const url = URL.parse(base);
      if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        this.#directory = undefined;
      } else {
        url.search = '';
        const form = normalizedHref(url);
        this.#directory = form.slice(0, form.lastIndexOf('/') + 1);
      }
    }
    return this.#directory;
  }
}
