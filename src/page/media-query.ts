import { tokenize, tokenTypes, type MediaQuery } from 'css-tree';
import { parseSnippet } from './css-parse.js';
import { evaluateCondition, InvalidMediaQuery } from './media-query-condition.js';

/** The screen that discovery emulates: its viewport in CSS pixels and its device pixel ratio. */
export interface Device {
  name: 'mobile' | 'desktop';
  width: number;
  height: number;
  dpr: number;
}

/** Lighthouse's two form factors: the Moto G Power it emulates for mobile, and its desktop screen. */
export const devices: Record<'mobile' | 'desktop', Device> = {
  mobile: { name: 'mobile', width: 412, height: 823, dpr: 1.75 },
  desktop: { name: 'desktop', width: 1350, height: 940, dpr: 1 },
};

const opening = new Set<number>([
  tokenTypes.Function,
  tokenTypes.LeftParenthesis,
  tokenTypes.LeftSquareBracket,
  tokenTypes.LeftCurlyBracket,
]);
const closing = new Set<number>([tokenTypes.RightParenthesis, tokenTypes.RightSquareBracket, tokenTypes.RightCurlyBracket]);
const insignificant = new Set<number>([tokenTypes.WhiteSpace, tokenTypes.Comment]);

interface QueryText {
  text: string;
  empty: boolean;
}

// Each query of a list stands alone: one invalid query becomes `not all` without spoiling the others.
function splitQueryList(list: string): QueryText[] {
  const queries: QueryText[] = [];
  let depth = 0;
  let start = 0;
  let empty = true;
  tokenize(list, (type, tokenStart, tokenEnd) => {
    if (type === tokenTypes.Comma && depth === 0) {
      queries.push({ text: list.slice(start, tokenStart), empty });
      start = tokenEnd;
      empty = true;
      return;
    }
    if (opening.has(type)) depth++;
    else if (closing.has(type)) depth = Math.max(0, depth - 1);
    if (!insignificant.has(type)) empty = false;
  });
  queries.push({ text: list.slice(start), empty });
  return queries;
}

const reservedTypes = new Set(['only', 'not', 'and', 'or', 'layer']);

function evaluateQuery(query: MediaQuery, device: Device): boolean {
  let typeMatches = true;
  if (query.mediaType !== null) {
    const type = query.mediaType.toLowerCase();
    if (reservedTypes.has(type)) throw new InvalidMediaQuery(`\`${type}\` is not a media type`);
    typeMatches = type === 'all' || type === 'screen';
  }
  const condition = query.condition === null ? true : evaluateCondition(query.condition, device, query.mediaType === null);
  const matches = !typeMatches ? false : condition;
  if (query.modifier === 'not') return matches === false;
  return matches === true;
}

/**
 * Whether a media query list (a `media` attribute, an `@media` or `@import` prelude) matches the device as
 * Chromium evaluates it for a screen: an empty list matches, an invalid query is `not all`, and a query whose
 * outcome is unknown (an unknown feature or value) does not match.
 */
export function matchesMedia(query: string, device: Device): boolean {
  const queries = splitQueryList(query);
  if (queries.length === 1 && queries[0]?.empty === true) return true;
  return queries.some(({ text, empty }) => {
    if (empty) return false;
    try {
      return evaluateQuery(parseSnippet(text, { context: 'mediaQuery' }) as MediaQuery, device);
    } catch {
      // css-tree throws on what its grammar rejects, and evaluateCondition on what it lets through.
      return false;
    }
  });
}
