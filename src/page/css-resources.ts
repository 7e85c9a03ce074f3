import type { StylesheetScan } from './css-scan-result.js';
import type { Destination } from './destinations.js';
import type { DocumentIndex } from './document-index.js';
import type { FontFace } from './font-face.js';
import { isGenericFamily } from './font-family.js';
import type { Compound } from './selector-requirement.js';

/** A URL that a page's CSS makes the browser load, and what it loads as. */
export interface CssResource {
  readonly url: string;
  readonly destination: Extract<Destination, 'style' | 'image' | 'font'>;
}

function anyMatch(document: DocumentIndex, requirements: readonly Compound[]): boolean {
  return requirements.some((compound) => document.couldMatch(compound));
}

// The faces a font-family list loads: of each family in turn, the faces whose unicode-range the text
// reaches, until a family covers every code point (a face without unicode-range, or a generic family).
// A family without @font-face is taken as not installed, as local() sources are.
function facesOfList(families: readonly string[], faces: ReadonlyMap<string, readonly FontFace[]>, document: DocumentIndex): FontFace[] {
  const used: FontFace[] = [];
  for (const family of families) {
    if (isGenericFamily(family)) break;
    const ofFamily = faces.get(family) ?? [];
    used.push(...ofFamily.filter((face) => face.ranges === undefined || document.hasCodePointIn(face.ranges)));
    if (ofFamily.some((face) => face.ranges === undefined)) break;
  }
  return used;
}

/**
 * What the page's stylesheets, `<style>` blocks and `style` attributes load once the document is known:
 * each matching `@import`; the images of rules that could apply to the document's elements, custom
 * properties' images when an applying rule reads them with var(); and the faces of the families that
 * applying rules use. Each URL once, the first destination winning.
 */
export function cssResources(scans: readonly StylesheetScan[], document: DocumentIndex): CssResource[] {
  const found = new Map<string, CssResource['destination']>();
  const add = (url: string, destination: CssResource['destination']): void => {
    if (!found.has(url)) found.set(url, destination);
  };
  const faces = new Map<string, FontFace[]>();
  const usedVariables = new Set<string>();
  for (const scan of scans) {
    for (const url of scan.imports) add(url, 'style');
    for (const face of scan.faces) faces.set(face.family, [...(faces.get(face.family) ?? []), face]);
    for (const use of scan.variableUses) if (anyMatch(document, use.requirements)) usedVariables.add(use.name);
  }
  for (const scan of scans) {
    for (const image of scan.images) if (anyMatch(document, image.requirements)) add(image.url, 'image');
    for (const image of scan.variableImages) {
      if (usedVariables.has(image.name) && anyMatch(document, image.requirements)) add(image.url, 'image');
    }
  }
  for (const scan of scans) {
    for (const use of scan.families) {
      if (!anyMatch(document, use.requirements)) continue;
      for (const face of facesOfList(use.families, faces, document)) add(face.url, 'font');
    }
  }
  return [...found].map(([url, destination]) => ({ url, destination }));
}
