// The source size of an image: the first `sizes` entry whose media condition
// matches the device and whose length is valid, else 100vw, as Chromium's
// SizesAttributeParser does.
import { lengthInPixels } from './srcset-length.js';
import { matchesMedia, type Device } from './media-query.js';

/** The width in CSS px that a `sizes` value gives an image on `device`. */
export function sourceSize(sizes: string | undefined, device: Device): number {
  if (sizes !== undefined) {
    for (const entry of splitTopLevel(sizes)) {
      const { condition, length } = splitEntry(entry);
      const pixels = lengthInPixels(length, device);
      if (pixels === undefined) continue;
      if (condition === '' || (isMediaCondition(condition) && matchesMedia(condition, device))) return pixels;
    }
  }
  return device.width;
}

// Commas inside parentheses (calc(), min(), media features) do not end an entry.
function splitTopLevel(value: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charAt(i);
    if (c === '(') depth += 1;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      entries.push(value.slice(start, i));
      start = i + 1;
    }
  }
  entries.push(value.slice(start));
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}

// The length is the entry's last component value: a word, or a function with
// its parenthesised arguments.
function splitEntry(entry: string): { condition: string; length: string } {
  let start = entry.length;
  if (entry.endsWith(')')) {
    let depth = 0;
    while (start > 0) {
      start -= 1;
      const c = entry.charAt(start);
      if (c === ')') depth += 1;
      else if (c === '(' && --depth === 0) break;
    }
    while (start > 0 && isNameCharacter(entry.charAt(start - 1))) start -= 1;
  } else {
    while (start > 0 && !isBoundary(entry.charAt(start - 1))) start -= 1;
  }
  return { condition: entry.slice(0, start).trim(), length: entry.slice(start) };
}

const isNameCharacter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '-';

const isBoundary = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === ')';

// `sizes` takes a media condition, not a media query: no media type such as `screen`.
function isMediaCondition(condition: string): boolean {
  return condition.startsWith('(') || condition.slice(0, 4).toLowerCase() === 'not ';
}
