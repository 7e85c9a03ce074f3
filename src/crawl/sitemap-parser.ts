import { SaxesParser, type SaxesTagNS } from 'saxes';

/** Entries one sitemap file may hold (sitemaps.org protocol); the rest are not read. */
export const sitemapMaxEntries = 50_000;

/** The longest `<loc>` the protocol allows, in characters; longer ones are skipped. */
export const sitemapMaxLocLength = 2048;

// Room for the whitespace that may stand around a URL inside `<loc>`, so the
// text kept for one entry stays bounded whatever the file holds.
const locSlack = 1024;

export interface SitemapHandlers {
  /** A page's `<loc>` from a `<urlset>`, trimmed, as written (not resolved). */
  onUrl(loc: string): void;
  /** A sitemap's `<loc>` from a `<sitemapindex>`, trimmed, as written. */
  onSitemap(loc: string): void;
  /** Called once, for malformed XML or a document that is not a sitemap; the entries before it stand. */
  onError(error: Error): void;
}

export interface SitemapParser {
  /** Parses the next piece of the document. */
  write(chunk: string): void;
  /** Ends the document; an unfinished one is an error. */
  end(): void;
  /** Entries handed on so far. */
  readonly entries: number;
  /** `<loc>`s skipped: empty, or longer than `sitemapMaxLocLength`. */
  readonly skipped: number;
  /** True once `sitemapMaxEntries` were handed on: the rest need not be read. */
  readonly full: boolean;
}

const entryElement = { urlset: 'url', sitemapindex: 'sitemap' } as const;
type Root = keyof typeof entryElement;

function isRoot(local: string): local is Root {
  return local === 'urlset' || local === 'sitemapindex';
}

/**
 * A streaming parser of the XML sitemaps of sitemaps.org: a `<urlset>` of
 * `<url><loc>` or a `<sitemapindex>` of `<sitemap><loc>`, with or without a
 * namespace prefix. Only a `<loc>` that is a direct child of an entry and in
 * the root's namespace counts, so the `<image:loc>` of image sitemaps does
 * not. saxes expands no external entities and reads no DTD, so a file cannot
 * make it fetch anything or grow without bound.
 */
export function createSitemapParser(handlers: SitemapHandlers): SitemapParser {
  const xml = new SaxesParser({ xmlns: true, position: true });
  let root: Root | null = null;
  let rootUri = '';
  let depth = 0;
  let inEntry = false;
  let entryHasLoc = false;
  let loc: string | null = null;
  let entries = 0;
  let skipped = 0;
  let stopped = false;

  const fail = (error: Error): void => {
    if (stopped) return;
    stopped = true;
    handlers.onError(error);
  };

  const collect = (text: string): void => {
    if (loc === null || loc.length > sitemapMaxLocLength + locSlack) return;
    loc = loc === '' ? text.trimStart() : loc + text;
  };

  const finishLoc = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.length > sitemapMaxLocLength) {
      skipped += 1;
      return;
    }
    entries += 1;
    if (root === 'urlset') handlers.onUrl(trimmed);
    else handlers.onSitemap(trimmed);
    if (entries === sitemapMaxEntries) stopped = true;
  };

  xml.on('error', fail);
  xml.on('text', collect);
  xml.on('cdata', collect);
  xml.on('opentag', (tag: SaxesTagNS) => {
    depth += 1;
    if (stopped) return;
    const { local, uri } = tag;
    if (depth === 1) {
      if (isRoot(local)) {
        root = local;
        rootUri = uri;
      } else {
        xml.fail(`not a sitemap: the root element is <${tag.name}>, not <urlset> or <sitemapindex>`);
      }
    } else if (depth === 2 && root !== null) {
      inEntry = local === entryElement[root] && uri === rootUri;
      entryHasLoc = false;
    } else if (depth === 3 && inEntry && !entryHasLoc && local === 'loc' && uri === rootUri) {
      loc = '';
    }
  });
  xml.on('closetag', () => {
    if (depth === 3 && loc !== null && !stopped) {
      finishLoc(loc);
      entryHasLoc = true;
    }
    if (depth <= 3) loc = null;
    if (depth === 2) inEntry = false;
    depth -= 1;
  });

  return {
    write(chunk) {
      if (!stopped) xml.write(chunk);
    },
    end() {
      if (!stopped) xml.close();
      stopped = true;
    },
    get entries() {
      return entries;
    },
    get skipped() {
      return skipped;
    },
    get full() {
      return entries === sitemapMaxEntries;
    },
  };
}
