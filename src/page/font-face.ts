import type { Block, CssNode } from 'css-tree';
import type { CodePointRange } from './document-index.js';
import { familiesOf } from './font-family.js';
import { parseUnicodeRange } from './font-unicode-range.js';

/** An `@font-face` rule: its family (lower-case), the source URL as written, and its unicode-range. */
export interface FontFace {
  readonly family: string;
  readonly url: string;
  // Undefined when the face covers every code point.
  readonly ranges: readonly CodePointRange[] | undefined;
}

// What Chromium's FontFaceSrc parser accepts (format() keywords and the older -variations forms).
const formats = new Set([
  'woff2',
  'woff',
  'opentype',
  'truetype',
  'collection',
  'woff2-variations',
  'woff-variations',
  'opentype-variations',
  'truetype-variations',
]);
const techs = new Set([
  'variations',
  'features-opentype',
  'features-aat',
  'color-colrv0',
  'color-colrv1',
  'color-cbdt',
  'color-sbix',
  'palettes',
]);

function isSupported(fn: CssNode): boolean {
  if (fn.type !== 'Function') return false;
  const name = fn.name.toLowerCase();
  const values = fn.children.toArray().filter((node) => node.type !== 'Operator');
  const keywords = values.map((node) => (node.type === 'String' ? node.value : node.type === 'Identifier' ? node.name : ''));
  if (name === 'format') return keywords.length > 0 && keywords.some((keyword) => formats.has(keyword.toLowerCase()));
  if (name === 'tech') return keywords.length > 0 && keywords.every((keyword) => techs.has(keyword.toLowerCase()));
  return false;
}

/**
 * The first `src` entry, in list order, that Chromium would download: a url() whose format() and tech(),
 * if given, it supports. `local()` entries are passed over as fonts not installed.
 */
function chooseSource(value: CssNode): string | undefined {
  if (value.type !== 'Value') return undefined;
  let entry: CssNode[] = [];
  for (const node of [...value.children, undefined]) {
    if (node !== undefined && !(node.type === 'Operator' && node.value === ',')) {
      entry.push(node);
      continue;
    }
    const [first, ...hints] = entry;
    if (first?.type === 'Url' && hints.every(isSupported)) return first.value;
    entry = [];
  }
  return undefined;
}

/** The face an `@font-face` block describes, or undefined when it has no family or no source to download. */
export function parseFontFace(block: Block): FontFace | undefined {
  let family: string | undefined;
  let url: string | undefined;
  let ranges: CodePointRange[] | undefined;
  for (const node of block.children) {
    if (node.type !== 'Declaration') continue;
    // As in a style rule, a later descriptor replaces an earlier one.
    switch (node.property.toLowerCase()) {
      case 'font-family':
        family = familiesOf('font-family', node.value)?.[0];
        break;
      case 'src':
        url = chooseSource(node.value);
        break;
      case 'unicode-range':
        ranges = parseUnicodeRange(node.value);
        break;
      default:
        break;
    }
  }
  return family === undefined || url === undefined ? undefined : { family, url, ranges };
}
