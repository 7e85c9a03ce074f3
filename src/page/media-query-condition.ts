import { tokenize, tokenTypes, type Condition, type CssNode, type GeneralEnclosed, type MediaQuery } from 'css-tree';
import { parseSnippet } from './css-parse.js';
import type { Device } from './media-query.js';
import { evaluateFeature, evaluateRange, type Kleene } from './media-query-feature.js';

/** Thrown for a query the grammar rejects, such as `(a) and (b) or (c)`: the query is then `not all`. */
export class InvalidMediaQuery extends Error {
  override readonly name = 'InvalidMediaQuery';
}

function isKeyword(node: CssNode | undefined, keyword: string): boolean {
  return node?.type === 'Identifier' && node.name.toLowerCase() === keyword;
}

function evaluateInParens(node: CssNode | undefined, device: Device): Kleene {
  switch (node?.type) {
    case 'Feature':
      return evaluateFeature(node, device);
    case 'FeatureRange':
      return evaluateRange(node, device);
    case 'Condition':
      return evaluateCondition(node, device, true);
    case 'GeneralEnclosed':
      return evaluateEquality(node, device);
    // Functions such as style() that media queries do not define.
    case 'FeatureFunction':
      return undefined;
    default:
      throw new InvalidMediaQuery('a media feature in parentheses is expected');
  }
}

// css-tree 3.2 does not consume the `=` of `(width = 600px)` and falls back to `<general-enclosed>`, so the
// range is parsed again with `<=` in its place; any other `<general-enclosed>` is unknown.
function evaluateEquality(node: GeneralEnclosed, device: Device): Kleene {
  const raw = node.children.first;
  if (node.function !== null || raw?.type !== 'Raw') return undefined;
  const delims: [number, number][] = [];
  tokenize(raw.value, (type, start, end) => {
    if (type === tokenTypes.Delim) delims.push([start, end]);
  });
  const [equals] = delims;
  if (delims.length !== 1 || equals === undefined || raw.value[equals[0]] !== '=') return undefined;
  const text = `(${raw.value.slice(0, equals[0])} <= ${raw.value.slice(equals[1])})`;
  try {
    const range = (parseSnippet(text, { context: 'mediaQuery' }) as MediaQuery).condition?.children.first;
    return range?.type === 'FeatureRange' ? evaluateRange({ ...range, leftComparison: '=' }, device) : undefined;
  } catch {
    return undefined;
  }
}

function not(value: Kleene): Kleene {
  return value === undefined ? undefined : !value;
}

/**
 * `not (a)`, `(a) and (b) …` or, where `allowOr` (not after a media type), `(a) or (b) …`,
 * in Kleene logic: true wins an `or` and false an `and` even beside an unknown.
 */
export function evaluateCondition(condition: Condition, device: Device, allowOr: boolean): Kleene {
  const terms = condition.children.toArray();
  if (isKeyword(terms[0], 'not')) {
    if (terms.length !== 2) throw new InvalidMediaQuery('`not` takes one condition');
    return not(evaluateInParens(terms[1], device));
  }
  const joiner = terms[1];
  const conjunction = joiner === undefined || isKeyword(joiner, 'and');
  if (!conjunction && !(allowOr && isKeyword(joiner, 'or'))) throw new InvalidMediaQuery('`and` or `or` is expected');
  if (terms.length % 2 === 0) throw new InvalidMediaQuery('a condition is expected after the last operator');
  const operator = conjunction ? 'and' : 'or';
  let result: Kleene = conjunction;
  for (let i = 0; i < terms.length; i += 2) {
    if (i > 0 && !isKeyword(terms[i - 1], operator)) {
      throw new InvalidMediaQuery('`and` and `or` cannot be mixed without parentheses');
    }
    // Every term is still evaluated, since one invalid term makes the whole query invalid.
    const value = evaluateInParens(terms[i], device);
    if (value === !conjunction) result = value;
    else if (value === undefined && result !== !conjunction) result = undefined;
  }
  return result;
}
