import { walk, type CssNode } from 'css-tree';
import { parseSnippet } from './css-parse.js';
import { isImageSet, pickImageSet } from './image-set.js';

/**
 * The URLs, as written, that a declaration's value makes the browser load: each `url()`, and the one
 * option of each `image-set()` at this pixel ratio. Strings are URLs only inside `image-set()`.
 */
export function urlsInValue(value: CssNode, dpr: number): string[] {
  const urls: string[] = [];
  walk(value, function visit(node) {
    if (node.type === 'Url') {
      urls.push(node.value);
    } else if (node.type === 'Function' && isImageSet(node)) {
      const url = pickImageSet(node, dpr);
      if (url !== undefined) urls.push(url);
      return this.skip;
    } else if (node.type === 'Raw') {
      urls.push(...urlsInRaw(node.value, dpr));
    }
    return undefined;
  });
  return urls;
}

/** The custom properties that `var()` reads in a value. */
export function variablesInValue(value: CssNode): string[] {
  const names: string[] = [];
  walk(value, (node) => {
    if (node.type === 'Function' && node.name.toLowerCase() === 'var') {
      const first = node.children.first;
      if (first?.type === 'Identifier') names.push(first.name);
    } else if (node.type === 'Raw') {
      const parsed = parseRawValue(node.value);
      if (parsed !== undefined) names.push(...variablesInValue(parsed));
    }
  });
  return names;
}

// css-tree keeps the fallback of var() raw.
function urlsInRaw(raw: string, dpr: number): string[] {
  const parsed = parseRawValue(raw);
  return parsed === undefined ? [] : urlsInValue(parsed, dpr);
}

/** A value css-tree kept raw (a custom property's), parsed so its URLs can be found; undefined if it is no value. */
export function parseRawValue(raw: string): CssNode | undefined {
  try {
    return parseSnippet(raw, { context: 'value' });
  } catch {
    return undefined;
  }
}
