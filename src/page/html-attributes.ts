// Reading attributes as htmlparser2 reports them: lower-case names, entities
// decoded, the first of duplicate attributes kept, as in HTML.
import { decodeHTMLAttribute } from 'entities/decode';

/** An element's attributes. */
export type Attributes = Readonly<Record<string, string>>;

/** The attribute's value, or undefined when absent; never a property of Object.prototype. */
export function attribute(attributes: Attributes, name: string): string | undefined {
  return Object.hasOwn(attributes, name) ? attributes[name] : undefined;
}

/**
 * A value as a parser made with `decodeEntities: false` reports it, decoded as
 * one that decodes entities would have (the same decoder, in its attribute
 * mode). Such a parser skips through text instead of reading it for entities.
 */
export function decodedValue(raw: string): string {
  return raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
}

const isAsciiWhitespace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** An attribute's space-separated tokens, lower-cased (`rel`, for one). */
export function tokens(value: string | undefined): Set<string> {
  const found = new Set<string>();
  if (value === undefined) return found;
  let start = 0;
  for (let i = 0; i <= value.length; i += 1) {
    if (i < value.length && !isAsciiWhitespace(value.charAt(i))) continue;
    if (i > start) found.add(value.slice(start, i).toLowerCase());
    start = i + 1;
  }
  return found;
}

/** The value trimmed of ASCII whitespace and lower-cased, as enumerated attributes compare. */
export function keyword(value: string | undefined): string | undefined {
  return value?.trim().toLowerCase();
}
