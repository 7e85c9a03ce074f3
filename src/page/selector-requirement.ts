import { ident, type Selector, type SelectorList } from 'css-tree';

/**
 * What a selector needs from a document: elements with these tags, ids, classes and attribute names,
 * from all its compounds (`.nav a` needs a `.nav` and an `a`), not necessarily on one element.
 * Pseudo-classes other than the interactive ones are not checked, so a requirement may match where
 * the selector would not.
 */
export interface Compound {
  readonly tags: readonly string[];
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly attributes: readonly string[];
}

/** Matches any element: for `*`, `style` attributes and declarations that need no element. */
export const universal: Compound = { tags: [], ids: [], classes: [], attributes: [] };

// State that only a user's pointer or keyboard brings about, never a first paint.
const interactive = new Set(['hover', 'focus', 'active', 'focus-within', 'focus-visible']);
const alternatives = new Set(['is', 'where', 'matches', '-webkit-any', '-moz-any']);

// Past this many alternatives a rule is assumed to match, which keeps the cross products of
// nesting and :is() small.
const maxAlternatives = 32;

function merge(a: Compound, b: Compound): Compound {
  return {
    tags: [...a.tags, ...b.tags],
    ids: [...a.ids, ...b.ids],
    classes: [...a.classes, ...b.classes],
    attributes: [...a.attributes, ...b.attributes],
  };
}

function crossProduct(left: readonly Compound[], right: readonly Compound[]): Compound[] {
  if (left.length * right.length > maxAlternatives) return [universal];
  return left.flatMap((a) => right.map((b) => merge(a, b)));
}

function isInteractive(selector: Selector): boolean {
  return selector.children.some((node) => node.type === 'PseudoClassSelector' && interactive.has(node.name.toLowerCase()));
}

function localName(name: string): string {
  const bar = name.lastIndexOf('|');
  return ident.decode(bar === -1 ? name : name.slice(bar + 1)).toLowerCase();
}

function compoundOf(selector: Selector, parent: readonly Compound[]): Compound[] {
  let result: Compound[] = [universal];
  let nesting = false;
  for (const node of selector.children) {
    switch (node.type) {
      case 'TypeSelector': {
        const tag = localName(node.name);
        if (tag !== '*') result = crossProduct(result, [{ ...universal, tags: [tag] }]);
        break;
      }
      case 'IdSelector':
        result = crossProduct(result, [{ ...universal, ids: [ident.decode(node.name)] }]);
        break;
      case 'ClassSelector':
        result = crossProduct(result, [{ ...universal, classes: [ident.decode(node.name)] }]);
        break;
      case 'AttributeSelector':
        result = crossProduct(result, [{ ...universal, attributes: [localName(node.name.name)] }]);
        break;
      case 'NestingSelector':
        result = crossProduct(result, parent);
        nesting = true;
        break;
      case 'PseudoClassSelector': {
        const inner = node.children?.first;
        if (alternatives.has(node.name.toLowerCase()) && inner?.type === 'SelectorList') {
          result = crossProduct(result, requirementsOf(inner, parent, true));
        }
        break;
      }
      // A pseudo-element such as ::before is drawn for the element its compound matches.
      default:
        break;
    }
  }
  // A nested selector without & is relative to its parent: `.child` in `.parent` is `& .child`.
  return nesting ? result : crossProduct(result, parent);
}

/**
 * The compounds, any of which lets a rule with this selector list apply. Selectors that need a
 * hovered, focused or active element are left out, so an empty list means the rule never applies
 * on load. `parent` holds the requirements of the rule a nested rule sits in, for `&`.
 */
export function requirementsOf(list: SelectorList, parent: readonly Compound[] = [universal], nested = false): Compound[] {
  const result: Compound[] = [];
  for (const node of list.children) {
    if (node.type !== 'Selector' || (!nested && isInteractive(node))) continue;
    result.push(...compoundOf(node, parent));
    if (result.length > maxAlternatives) return [universal];
  }
  return result;
}
