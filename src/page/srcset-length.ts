// A `sizes` length in CSS px: a dimension, a unitless 0, or calc()/min()/max()/
// clamp() over them, as Chromium's SizesMathFunctionParser evaluates.
import type { Device } from './media-query.js';

// The initial font size is 16px; ex and ch take the common half-em metric
// because no font is loaded to measure them.
const FONT_SIZE = 16;
const ABSOLUTE: Readonly<Record<string, number>> = {
  px: 1,
  em: FONT_SIZE,
  rem: FONT_SIZE,
  ex: FONT_SIZE / 2,
  ch: FONT_SIZE / 2,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  pt: 96 / 72,
  pc: 16,
};
// Bounds the recursion over nested parentheses in a hostile attribute.
const MAX_DEPTH = 32;

interface Value {
  number: number;
  isLength: boolean;
}

/** The length in CSS px, or undefined when `text` is not a valid non-negative length. */
export function lengthInPixels(text: string, device: Device): number | undefined {
  const lower = text.toLowerCase();
  if (lower === '0') return 0;
  if (lower.endsWith(')')) {
    // A function token (calc, min, max, clamp), not a bare parenthesised block.
    if (!(lower.charAt(0) >= 'a' && lower.charAt(0) <= 'z')) return undefined;
    const reader = { text: lower, position: 0, device };
    const value = readTerm(reader, 0);
    if (value?.isLength !== true || reader.position !== lower.length) return undefined;
    return Math.max(0, value.number);
  }
  const value = dimension(lower, device);
  return value !== undefined && value >= 0 ? value : undefined;
}

function dimension(text: string, device: Device): number | undefined {
  let split = text.length;
  while (split > 0 && text.charAt(split - 1) >= 'a' && text.charAt(split - 1) <= 'z') split -= 1;
  const number = parseNumber(text.slice(0, split));
  const unit = text.slice(split);
  if (number === undefined || unit === '') return undefined;
  const viewport: Record<string, number> = {
    vw: device.width,
    vh: device.height,
    vmin: Math.min(device.width, device.height),
    vmax: Math.max(device.width, device.height),
  };
  const base = unit.length === 3 && 'sld'.includes(unit.charAt(0)) ? unit.slice(1) : unit;
  const perUnit = ABSOLUTE[unit] ?? (viewport[base] === undefined ? undefined : viewport[base] / 100);
  return perUnit === undefined ? undefined : number * perUnit;
}

function parseNumber(text: string): number | undefined {
  if (text === '' || text === '-' || text === '+' || text === '.') return undefined;
  for (const c of text) if (!((c >= '0' && c <= '9') || c === '.' || c === '-' || c === '+' || c === 'e')) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

interface Reader {
  text: string;
  position: number;
  device: Device;
}

function skipSpaces(reader: Reader): void {
  while (reader.position < reader.text.length && ' \t\n\r\f'.includes(reader.text.charAt(reader.position))) {
    reader.position += 1;
  }
}

// sum := product (('+' | '-') product)*
function readSum(reader: Reader, depth: number): Value | undefined {
  let left = readProduct(reader, depth);
  for (;;) {
    skipSpaces(reader);
    const op = reader.text.charAt(reader.position);
    if (left === undefined || (op !== '+' && op !== '-')) return left;
    reader.position += 1;
    const right = readProduct(reader, depth);
    if (right?.isLength !== left.isLength) return undefined;
    left = { number: op === '+' ? left.number + right.number : left.number - right.number, isLength: left.isLength };
  }
}

// product := term (('*' | '/') term)*; a length may be scaled, never multiplied by a length.
function readProduct(reader: Reader, depth: number): Value | undefined {
  let left = readTerm(reader, depth);
  for (;;) {
    skipSpaces(reader);
    const op = reader.text.charAt(reader.position);
    if (left === undefined || (op !== '*' && op !== '/')) return left;
    reader.position += 1;
    const right = readTerm(reader, depth);
    if (right === undefined || (left.isLength && right.isLength) || (op === '/' && (right.isLength || right.number === 0))) {
      return undefined;
    }
    left = { number: op === '*' ? left.number * right.number : left.number / right.number, isLength: left.isLength || right.isLength };
  }
}

function readTerm(reader: Reader, depth: number): Value | undefined {
  if (depth > MAX_DEPTH) return undefined;
  skipSpaces(reader);
  const start = reader.position;
  // A binary '+' or '-' needs spaces around it in CSS, so a word runs up to a space.
  while (reader.position < reader.text.length && !'()*/, \t\n\r\f'.includes(reader.text.charAt(reader.position))) {
    reader.position += 1;
  }
  const word = reader.text.slice(start, reader.position);
  if (reader.text.charAt(reader.position) !== '(') {
    if (word === '') return undefined;
    const number = parseNumber(word);
    if (number !== undefined) return { number, isLength: false };
    const length = dimension(word, reader.device);
    return length === undefined ? undefined : { number: length, isLength: true };
  }
  reader.position += 1;
  const args: Value[] = [];
  for (;;) {
    const value = readSum(reader, depth + 1);
    if (value === undefined) return undefined;
    args.push(value);
    skipSpaces(reader);
    const c = reader.text.charAt(reader.position);
    reader.position += 1;
    if (c === ')') break;
    if (c !== ',') return undefined;
  }
  return applyFunction(word, args);
}

function applyFunction(name: string, args: readonly Value[]): Value | undefined {
  const first = args[0];
  if (first === undefined || args.some((arg) => arg.isLength !== first.isLength)) return undefined;
  const numbers = args.map((arg) => arg.number);
  const [min = 0, preferred = 0, max = 0] = numbers;
  const result: Readonly<Record<string, number | undefined>> = {
    '': args.length === 1 ? first.number : undefined,
    calc: args.length === 1 ? first.number : undefined,
    min: Math.min(...numbers),
    max: Math.max(...numbers),
    clamp: args.length === 3 ? Math.max(min, Math.min(preferred, max)) : undefined,
  };
  const number = Object.hasOwn(result, name) ? result[name] : undefined;
  return number === undefined ? undefined : { number, isLength: first.isLength };
}
