import type { CssNode } from 'css-tree';
import type { CodePointRange } from './document-index.js';

function hexValue(text: string, wildcard: number): number | undefined {
  let value = 0;
  for (const char of text) {
    const digit = char === '?' ? wildcard : Number.parseInt(char, 16);
    if (Number.isNaN(digit)) return undefined;
    value = value * 16 + digit;
  }
  return text.length > 0 && text.length <= 6 ? value : undefined;
}

// `U+26`, `U+0-7F`, `U+4??` (the wildcards span 400 to 4FF).
function parseRange(text: string): CodePointRange | undefined {
  if (text.length < 3 || text.slice(0, 2).toUpperCase() !== 'U+') return undefined;
  const body = text.slice(2);
  const dash = body.indexOf('-');
  const first = hexValue(dash === -1 ? body : body.slice(0, dash), 0);
  const last = dash === -1 ? hexValue(body, 15) : hexValue(body.slice(dash + 1), 15);
  if (first === undefined || last === undefined || first > last || (dash !== -1 && body.includes('?'))) {
    return undefined;
  }
  return [first, Math.min(last, 0x10ffff)];
}

/**
 * The ranges of a `unicode-range` descriptor, or undefined when it is invalid: Chromium then drops the
 * descriptor and the face covers every code point.
 */
export function parseUnicodeRange(value: CssNode): CodePointRange[] | undefined {
  if (value.type !== 'Value') return undefined;
  const ranges: CodePointRange[] = [];
  for (const node of value.children) {
    if (node.type === 'Operator' && node.value === ',') continue;
    const range = node.type === 'UnicodeRange' ? parseRange(node.value) : undefined;
    if (range === undefined) return undefined;
    ranges.push(range);
  }
  return ranges.length > 0 ? ranges : undefined;
}
