// What the tags read so far mean for the element being opened: whether it
// sits in a noscript or template (content that a browser running scripts does
// not show, so nothing in it is fetched or followed), the base URL its
// references resolve against, and how deep it is.
import { attribute, decodedValue, type Attributes } from './html-attributes.js';

const SKIPPED = new Set(['noscript', 'template']);

/**
 * htmlparser2 keeps its open elements in an array it unshifts, so each element
 * opened costs as much as the depth: past this depth (pages nest a few dozen
 * deep; reaching it takes about a second) a scan reads no further.
 */
export const MAX_DEPTH = 25_000;

/**
 * The context of one document's elements, told of each start and end tag as
 * htmlparser2 reports them; `rawValues` for a parser that does not decode
 * entities.
 */
export class ElementContext {
  readonly #documentUrl: string;
  readonly #rawValues: boolean;
  #baseUrl: string;
  #baseSet = false;
  #skipDepth = 0;
  // Open elements, counted rather than stacked: htmlparser2 closes every element it opens, void ones included.
  #depth = 0;

  constructor(documentUrl: string, { rawValues = false }: { rawValues?: boolean } = {}) {
    this.#documentUrl = documentUrl;
    this.#rawValues = rawValues;
    this.#baseUrl = documentUrl;
  }

  /** The base URL in effect: the first `<base href>`'s (an http(s) one), else the document's. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** Elements open, the one being opened or closed included. */
  get depth(): number {
    return this.#depth;
  }

  /** Whether the element being opened or closed is in a noscript or template (or is one). */
  get skipped(): boolean {
    return this.#skipDepth > 0;
  }

  /** A start tag, first thing: returns whether the element counts (is not skipped). */
  open(name: string, attributes: Attributes): boolean {
    this.#depth += 1;
    if (SKIPPED.has(name)) this.#skipDepth += 1;
    if (this.#skipDepth > 0) return false;
    if (name === 'base' && !this.#baseSet) this.#setBase(attribute(attributes, 'href'));
    return true;
  }

  /** An end tag, last thing, once the element's own end is handled. */
  close(name: string): void {
    if (SKIPPED.has(name) && this.#skipDepth > 0) this.#skipDepth -= 1;
    this.#depth -= 1;
  }

  #setBase(value: string | undefined): void {
    if (value === undefined) return;
    this.#baseSet = true;
    const url = URL.parse(this.#rawValues ? decodedValue(value) : value, this.#documentUrl);
    // A base that is not http(s) could resolve nothing fetchable; the document's URL stays.
    if (url !== null && (url.protocol === 'http:' || url.protocol === 'https:')) this.#baseUrl = url.href;
  }
}
