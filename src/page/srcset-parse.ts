// The `srcset` attribute's candidates, parsed as the HTML standard's algorithm
// and Chromium's HTMLSrcsetParser do: character by character, because commas
// may sit inside URLs and descriptors may hold parentheses.

/** One image candidate of a `srcset` attribute. */
export interface SrcsetCandidate {
  url: string;
  /** The `w` descriptor, in image pixels. */
  width?: number;
  /** The `x` descriptor. */
  density?: number;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/** Parses a `srcset` value; invalid candidates are dropped, as browsers drop them. */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let position = 0;
  while (position < value.length) {
    while (isSpace(value[position]) || value[position] === ',') position += 1;
    if (position >= value.length) break;
    const urlStart = position;
    while (position < value.length && !isSpace(value[position])) position += 1;
    let url = value.slice(urlStart, position);
    if (url.endsWith(',')) {
      // A URL that ends in commas has no descriptors: they belong to the next candidate.
      while (url.endsWith(',')) url = url.slice(0, -1);
      if (url !== '') candidates.push({ url });
      continue;
    }
    const tokens: string[] = [];
    position = tokenizeDescriptors(value, position, tokens);
    const candidate = toCandidate(url, tokens);
    if (candidate !== undefined) candidates.push(candidate);
  }
  return candidates;
}

// Collects the descriptors up to the comma that ends the candidate; returns the
// position after that comma.
function tokenizeDescriptors(value: string, start: number, tokens: string[]): number {
  let position = start;
  let current = '';
  let inParens = false;
  for (; position < value.length; position += 1) {
    const c = value.charAt(position);
    if (inParens) {
      current += c;
      if (c === ')') inParens = false;
    } else if (c === ',') {
      if (current !== '') tokens.push(current);
      return position + 1;
    } else if (isSpace(c)) {
      if (current !== '') tokens.push(current);
      current = '';
    } else {
      current += c;
      if (c === '(') inParens = true;
    }
  }
  if (current !== '') tokens.push(current);
  return position;
}

function toCandidate(url: string, tokens: readonly string[]): SrcsetCandidate | undefined {
  const candidate: SrcsetCandidate = { url };
  let height: number | undefined;
  for (const token of tokens) {
    const kind = token.at(-1);
    const number = token.slice(0, -1);
    if (kind === 'w') {
      if (candidate.width !== undefined || candidate.density !== undefined) return undefined;
      const width = parseNonNegativeInteger(number);
      if (width === undefined || width <= 0) return undefined;
      candidate.width = width;
    } else if (kind === 'h') {
      // Parsed for validity only, as in Chromium: no browser uses it yet.
      if (height !== undefined || candidate.density !== undefined) return undefined;
      height = parseNonNegativeInteger(number);
      if (height === undefined || height <= 0) return undefined;
    } else if (kind === 'x') {
      if (candidate.density !== undefined || candidate.width !== undefined || height !== undefined) {
        return undefined;
      }
      const density = parseFloatingPoint(number);
      if (density === undefined || density < 0) return undefined;
      candidate.density = density;
    } else {
      return undefined;
    }
  }
  return height !== undefined && candidate.width === undefined ? undefined : candidate;
}

function parseNonNegativeInteger(text: string): number | undefined {
  if (text === '') return undefined;
  for (const c of text) if (c < '0' || c > '9') return undefined;
  return Number(text);
}

// The HTML standard's "valid floating-point number": no leading '+', no
// hexadecimal, no Infinity, which Number() would all accept.
function parseFloatingPoint(text: string): number | undefined {
  let position = text.startsWith('-') ? 1 : 0;
  const digits = (): number => {
    const start = position;
    while (position < text.length && text.charAt(position) >= '0' && text.charAt(position) <= '9') position += 1;
    return position - start;
  };
  let mantissa = digits();
  if (text.charAt(position) === '.') {
    position += 1;
    const fraction = digits();
    if (fraction === 0) return undefined;
    mantissa += fraction;
  }
  if (mantissa === 0) return undefined;
  if (text.charAt(position) === 'e' || text.charAt(position) === 'E') {
    position += 1;
    if (text.charAt(position) === '-' || text.charAt(position) === '+') position += 1;
    if (digits() === 0) return undefined;
  }
  return position === text.length ? Number(text) : undefined;
}
