import { defaultScope, inScope, scopePrefix } from './scope.js';

/**
 * The URLs a crawl may follow: those under one of the `--scope` prefixes, or,
 * without them, under the default scope of one of the start URLs (a start URL
 * up to the last `/` of its path). Default scopes all end in `/`, so a URL is
 * checked against them by looking up each of its own prefixes that ends in
 * `/`, however many start URLs there are.
 */
export class SiteScope {
  readonly #prefixes: readonly string[];
  readonly #starts = new Set<string>();

  /** `prefixes` as given (http(s) URLs, checked by the options); none means each start URL's default scope. */
  constructor(prefixes: readonly string[]) {
    this.#prefixes = prefixes.map((prefix) => scopePrefix(prefix)).filter((prefix) => prefix !== null);
  }

  /** Adds the default scope of a start URL (a normalised URL); nothing when `--scope` prefixes were given. */
  addStart(url: string): void {
    if (this.#prefixes.length > 0) return;
    const scope = defaultScope(url);
    if (scope !== null) this.#starts.add(scope);
  }

  /** Whether a normalised URL is in scope. */
  includes(url: string): boolean {
    if (this.#prefixes.length > 0) return inScope(url, this.#prefixes);
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    for (let slash = pathStart; slash !== -1; slash = url.indexOf('/', slash + 1)) {
      if (this.#starts.has(url.slice(0, slash + 1))) return true;
    }
    return false;
  }
}
