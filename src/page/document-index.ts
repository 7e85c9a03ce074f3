import type { Compound } from './selector-requirement.js';

/** An inclusive range of code points, as `unicode-range` gives them. */
export type CodePointRange = readonly [first: number, last: number];

// Bounds on what one document may make the index hold: past them a set answers yes to every
// question, which fetches more than a browser would rather than less. At most about
// 4 × 10 000 names of 256 characters, 8 KiB of BMP bits and 4 096 astral code points.
const maxNames = 10_000;
const maxNameLength = 256;
const maxAstral = 4096;

class NameSet {
  readonly #names = new Set<string>();
  #saturated = false;

  add(name: string): void {
    if (this.#saturated || this.#names.has(name)) return;
    if (name.length > maxNameLength || this.#names.size >= maxNames) {
      this.#saturated = true;
      this.#names.clear();
    } else {
      this.#names.add(name);
    }
  }

  has(name: string): boolean {
    return this.#saturated || this.#names.has(name);
  }
}

function isAsciiWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/**
 * The facts of a document that decide which CSS rules could apply: its tag names, ids, classes and
 * attribute names (not which element has which: a compound may match across elements), and the code
 * points of its text. Tag and attribute names are compared lower-case; ids and classes as written,
 * as in a no-quirks document.
 */
export class DocumentIndex {
  readonly #tags = new NameSet();
  readonly #ids = new NameSet();
  readonly #classes = new NameSet();
  readonly #attributes = new NameSet();
  readonly #bmp = new Uint32Array(0x10000 / 32);
  readonly #astral = new Set<number>();
  #astralSaturated = false;

  /** An element as the HTML parser reports it: its tag, every attribute name, its id and its classes. */
  addElement(tag: string, attributes: Readonly<Record<string, string>> = {}): void {
    this.#tags.add(tag.toLowerCase());
    for (const [name, value] of Object.entries(attributes)) {
      const lower = name.toLowerCase();
      this.#attributes.add(lower);
      if (lower === 'id' && value !== '') this.#ids.add(value);
      else if (lower === 'class') this.addClasses(value);
    }
  }

  /** The classes of a `class` attribute, split at ASCII whitespace. */
  addClasses(value: string): void {
    let start = 0;
    for (let i = 0; i <= value.length; i++) {
      if (i < value.length && !isAsciiWhitespace(value.charCodeAt(i))) continue;
      if (i > start) this.#classes.add(value.slice(start, i));
      start = i + 1;
    }
  }

  /** Text the document renders; whitespace is left out, as it alone does not need a font's glyphs. */
  addText(text: string): void {
    // An index loop over UTF-16 units (a page's text is mostly BMP), not the string iterator.
    for (let i = 0; i < text.length; i++) {
      let code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
          i++;
        }
      }
      if (isAsciiWhitespace(code)) continue;
      if (code < 0x10000) {
        const word = code >>> 5;
        this.#bmp[word] = (this.#bmp[word] ?? 0) | (1 << (code & 31));
      } else if (!this.#astralSaturated) {
        this.#astral.add(code);
        if (this.#astral.size > maxAstral) this.#astralSaturated = true;
      }
    }
  }

  /** Whether the document has every element the requirement names. */
  couldMatch(compound: Compound): boolean {
    return (
      compound.tags.every((tag) => this.#tags.has(tag)) &&
      compound.ids.every((id) => this.#ids.has(id)) &&
      compound.classes.every((name) => this.#classes.has(name)) &&
      compound.attributes.every((name) => this.#attributes.has(name))
    );
  }

  /** Whether the text has a code point in one of the ranges. */
  hasCodePointIn(ranges: readonly CodePointRange[]): boolean {
    return ranges.some(([first, last]) => this.#hasInRange(first, Math.min(last, 0x10ffff)));
  }

  #hasInRange(first: number, last: number): boolean {
    if (last >= 0x10000 && (this.#astralSaturated || [...this.#astral].some((code) => code >= first && code <= last))) {
      return true;
    }
    for (let code = first; code <= Math.min(last, 0xffff); code++) {
      const word = this.#bmp[code >>> 5] ?? 0;
      // A whole empty word is skipped at once, which keeps a range of thousands cheap.
      if (word === 0) code |= 31;
      else if ((word & (1 << (code & 31))) !== 0) return true;
    }
    return false;
  }
}
