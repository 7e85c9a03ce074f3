import type { CssNode } from 'css-tree';

const sizeKeywords = new Set([
  'xx-small',
  'x-small',
  'small',
  'medium',
  'large',
  'x-large',
  'xx-large',
  'xxx-large',
  'larger',
  'smaller',
  'math',
]);

// Families that every browser has, so no later family in a list is reached for the text it covers.
const genericFamilies = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'system-ui',
  'emoji',
  'math',
  'fangsong',
  'ui-serif',
  'ui-sans-serif',
  'ui-monospace',
  'ui-rounded',
  '-apple-system',
  'blinkmacsystemfont',
]);

/** Whether a family (lower-case, as familiesOf gives it) is a generic one that needs no download. */
export function isGenericFamily(family: string): boolean {
  return genericFamilies.has(family);
}

function isFontSize(node: CssNode): boolean {
  switch (node.type) {
    case 'Dimension':
    case 'Percentage':
      return true;
    case 'Identifier':
      return sizeKeywords.has(node.name.toLowerCase());
    case 'Function':
      return true;
    default:
      return false;
  }
}

// The family names of a comma-separated list: a string, or identifiers joined by single spaces.
function familyList(nodes: readonly CssNode[]): string[] {
  const families: string[] = [];
  let words: string[] = [];
  for (const node of [...nodes, undefined]) {
    if (node === undefined || (node.type === 'Operator' && node.value === ',')) {
      if (words.length > 0) families.push(words.join(' ').toLowerCase());
      words = [];
    } else if (node.type === 'String') {
      words.push(node.value);
    } else if (node.type === 'Identifier') {
      words.push(node.name);
    } else {
      // var() and other computed values cannot be known here.
      return [];
    }
  }
  return families;
}

/**
 * The font families, lower-case and in order, that a `font-family` or `font` declaration names
 * (`font: italic bold 12px/30px Georgia, serif` names `georgia` and `serif`); undefined for any other
 * property, an empty list when they cannot be known (a system font such as `font: menu`, or var()).
 */
export function familiesOf(property: string, value: CssNode): string[] | undefined {
  const name = property.toLowerCase();
  if ((name !== 'font-family' && name !== 'font') || value.type !== 'Value') return undefined;
  const nodes = value.children.toArray();
  if (name === 'font-family') return familyList(nodes);
  const size = nodes.findIndex(isFontSize);
  if (size === -1) return [];
  const next = nodes[size + 1];
  const families = next?.type === 'Operator' && next.value === '/' ? size + 3 : size + 1;
  return familyList(nodes.slice(families));
}
