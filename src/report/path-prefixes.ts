import { clip } from './html-text.js';

/** A path prefix of a crawled site with the pages under it and their summed weight. */
export interface PrefixTotal {
  /** `https://a.example/docs/`, or `otherPrefixes` for what did not fit. */
  prefix: string;
  pages: number;
  bytes: number;
  /** Second-level prefixes under this one, heaviest first (pages right under it are in its totals only). */
  children: PrefixTotal[];
}

/** The label of the prefix that gathers first-level prefixes past the cap. */
export const otherPrefixes = 'other prefixes';

const maxPrefixLength = 300;

interface Node {
  pages: number;
  bytes: number;
  children: Map<string, { pages: number; bytes: number }>;
}

// `https://a.example/docs/guide/x.html` → ['https://a.example/docs/', 'https://a.example/docs/guide/'];
// a page at the root belongs to the origin's own prefix `https://a.example/`.
function prefixesOf(url: string): [string, string | undefined] | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const folders = parsed.pathname.split('/').slice(1, -1);
  const [first, second] = folders;
  const origin = `${parsed.origin}/`;
  if (first === undefined) return [origin, undefined];
  // Cut, so that a few hostile folder names cannot make the kept keys large.
  const top = clip(`${origin}${first}/`, maxPrefixLength);
  return [top, second === undefined ? undefined : clip(`${top}${second}/`, maxPrefixLength)];
}

const byBytes = (a: { bytes: number }, b: { bytes: number }): number => b.bytes - a.bytes;

/**
 * The site's weight by the first two folders of its paths, in bounded memory:
 * the first `maxPrefixes` first-level prefixes found are kept (a crawl finds
 * the upper levels first), later ones are summed in one `otherPrefixes` row;
 * each keeps its first `maxChildren` second-level prefixes.
 */
export class PathPrefixes {
  readonly #top = new Map<string, Node>();
  readonly #other: Node = { pages: 0, bytes: 0, children: new Map() };
  readonly #maxPrefixes: number;
  readonly #maxChildren: number;

  constructor({ maxPrefixes = 100, maxChildren = 20 }: { maxPrefixes?: number; maxChildren?: number } = {}) {
    this.#maxPrefixes = maxPrefixes;
    this.#maxChildren = maxChildren;
  }

  add(url: string, bytes: number): void {
    const prefixes = prefixesOf(url);
    if (prefixes === undefined) return;
    const [top, child] = prefixes;
    let node = this.#top.get(top);
    if (node === undefined && this.#top.size < this.#maxPrefixes) {
      node = { pages: 0, bytes: 0, children: new Map() };
      this.#top.set(top, node);
    }
    const target = node ?? this.#other;
    target.pages++;
    target.bytes += bytes;
    if (node === undefined || child === undefined) return;
    let sub = node.children.get(child);
    if (sub === undefined && node.children.size < this.#maxChildren) {
      sub = { pages: 0, bytes: 0 };
      node.children.set(child, sub);
    }
    if (sub === undefined) return;
    sub.pages++;
    sub.bytes += bytes;
  }

  /** The prefixes, heaviest first, with the `otherPrefixes` row last when there is one. */
  totals(): PrefixTotal[] {
    const rows = [...this.#top].map(([prefix, node]) => ({
      prefix,
      pages: node.pages,
      bytes: node.bytes,
      children: [...node.children].map(([child, sums]) => ({ prefix: child, ...sums, children: [] })).sort(byBytes),
    }));
    rows.sort(byBytes);
    if (this.#other.pages > 0) rows.push({ prefix: otherPrefixes, pages: this.#other.pages, bytes: this.#other.bytes, children: [] });
    return rows;
  }
}
