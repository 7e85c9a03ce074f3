import type { FontFace } from './font-face.js';
import { universal, type Compound } from './selector-requirement.js';

/** A URL that loads when a rule with one of these requirements applies. */
export interface RequiredUrl {
  readonly url: string;
  readonly requirements: readonly Compound[];
}

/** A custom property's URL: it loads when an applying rule reads the property with var(). */
export interface VariableUrl extends RequiredUrl {
  readonly name: string;
}

/** A font-family list (lower-case names, in order) that rules with these requirements use. */
export interface FamilyUse {
  readonly families: readonly string[];
  readonly requirements: readonly Compound[];
}

/** A custom property that rules with these requirements read with var(). */
export interface VariableUse {
  readonly name: string;
  readonly requirements: readonly Compound[];
}

/** What one stylesheet, `<style>` block or `style` attribute may make the browser load, to decide once the document is known. */
export interface StylesheetScan {
  /** Absolute URLs of the `@import`s whose media match the device, in order. */
  readonly imports: readonly string[];
  /** url() and image-set() of rules that would apply where the requirements are met. */
  readonly images: readonly RequiredUrl[];
  /** Faces, with absolute URLs, of `@font-face` rules that would apply. */
  readonly faces: readonly FontFace[];
  readonly families: readonly FamilyUse[];
  readonly variableImages: readonly VariableUrl[];
  readonly variableUses: readonly VariableUse[];
}

// Past this many requirements for one URL, the URL is assumed to load: it keeps the scan of a
// stylesheet that repeats one image in thousands of rules small.
const maxRequirements = 64;

class Requirements {
  readonly #byKey = new Map<string, Compound[]>();

  add(key: string, requirements: readonly Compound[]): void {
    const known = this.#byKey.get(key);
    if (known === undefined) this.#byKey.set(key, [...requirements]);
    else if (known.length + requirements.length > maxRequirements) this.#byKey.set(key, [universal]);
    else if (known[0] !== universal) known.push(...requirements);
  }

  entries(): [string, readonly Compound[]][] {
    return [...this.#byKey];
  }
}

/** Collects a scan's findings, deduplicated as they come. */
export class ScanCollector {
  readonly #imports = new Set<string>();
  readonly #images = new Requirements();
  readonly #faces = new Map<string, FontFace>();
  readonly #families = new Requirements();
  readonly #variableImages = new Map<string, Requirements>();
  readonly #variableUses = new Requirements();

  addImport(url: string): void {
    this.#imports.add(url);
  }

  addImage(url: string, requirements: readonly Compound[]): void {
    this.#images.add(url, requirements);
  }

  addFace(face: FontFace): void {
    this.#faces.set(`${face.family}\n${face.url}`, face);
  }

  addFamilies(families: readonly string[], requirements: readonly Compound[]): void {
    if (families.length > 0) this.#families.add(families.join('\n'), requirements);
  }

  addVariableImage(name: string, url: string, requirements: readonly Compound[]): void {
    let byUrl = this.#variableImages.get(name);
    if (byUrl === undefined) this.#variableImages.set(name, (byUrl = new Requirements()));
    byUrl.add(url, requirements);
  }

  addVariableUse(name: string, requirements: readonly Compound[]): void {
    this.#variableUses.add(name, requirements);
  }

  result(): StylesheetScan {
    return {
      imports: [...this.#imports],
      images: this.#images.entries().map(([url, requirements]) => ({ url, requirements })),
      faces: [...this.#faces.values()],
      families: this.#families.entries().map(([key, requirements]) => ({ families: key.split('\n'), requirements })),
      variableImages: [...this.#variableImages].flatMap(([name, byUrl]) =>
        byUrl.entries().map(([url, requirements]) => ({ name, url, requirements })),
      ),
      variableUses: this.#variableUses.entries().map(([name, requirements]) => ({ name, requirements })),
    };
  }
}
