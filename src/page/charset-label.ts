// Encoding labels as the Encoding standard maps them, through TextDecoder,
// which knows every label and alias Node's ICU supports.
import { TextDecoder } from 'node:util';

// Labels met before, and their encodings: finding one builds a TextDecoder,
// which for a legacy encoding opens an ICU converter. A site uses a few
// labels; a hostile one could use many, hence the bound.
const known = new Map<string, string | undefined>();
const maxKnown = 64;

function lookUp(label: string): string | undefined {
  if (label === 'x-user-defined') return 'windows-1252';
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

/** The encoding a label names, or undefined when it names none that can decode. */
export function encodingForLabel(label: string): string | undefined {
  const trimmed = label.trim().toLowerCase();
  if (known.has(trimmed)) return known.get(trimmed);
  const encoding = lookUp(trimmed);
  if (known.size < maxKnown) known.set(trimmed, encoding);
  return encoding;
}

/** The `charset` parameter of a Content-Type value, unquoted, or undefined. */
export function charsetParameter(contentType: string): string | undefined {
  let position = contentType.indexOf(';');
  while (position !== -1) {
    const equals = contentType.indexOf('=', position);
    if (equals === -1) return undefined;
    const name = contentType
      .slice(position + 1, equals)
      .trim()
      .toLowerCase();
    let value: string;
    let next: number;
    if (contentType.charAt(equals + 1) === '"') {
      const close = contentType.indexOf('"', equals + 2);
      value = contentType.slice(equals + 2, close === -1 ? undefined : close);
      next = close === -1 ? -1 : contentType.indexOf(';', close);
    } else {
      next = contentType.indexOf(';', equals);
      value = contentType.slice(equals + 1, next === -1 ? undefined : next).trim();
    }
    if (name === 'charset') return value === '' ? undefined : value;
    position = next;
  }
  return undefined;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * The charset of a `<meta http-equiv=content-type content=…>`, by the HTML
 * standard's "algorithm for extracting a character encoding from a meta element".
 */
export function charsetFromMetaContent(content: string): string | undefined {
  const lower = content.toLowerCase();
  let position = 0;
  for (;;) {
    const found = lower.indexOf('charset', position);
    if (found === -1) return undefined;
    position = found + 'charset'.length;
    while (isSpace(lower.charAt(position))) position += 1;
    if (lower.charAt(position) !== '=') continue;
    position += 1;
    while (isSpace(lower.charAt(position))) position += 1;
    const quote = lower.charAt(position);
    if (quote === '"' || quote === "'") {
      const close = lower.indexOf(quote, position + 1);
      return close === -1 ? undefined : content.slice(position + 1, close);
    }
    let end = position;
    while (end < lower.length && !isSpace(lower.charAt(end)) && lower.charAt(end) !== ';') end += 1;
    return end === position ? undefined : content.slice(position, end);
  }
}
