import { hasScheme } from './scheme.js';

/** What a valid value of one option is: checked the same way for the CLI's text and the library's values. */
export interface Rule<T> {
  expected: string;
  valid(value: T): boolean;
}

/** The `k`-th (1-based) of `n` slices of an input. */
export interface Shard {
  k: number;
  n: number;
}

/** `value` if it keeps `rule`, `fallback` if it is undefined; a TypeError in p-limit's words otherwise. */
export function check<T>(name: string, value: T | undefined, fallback: T, rule: Rule<T>): T {
  if (value === undefined) return fallback;
  if (!rule.valid(value)) throw new TypeError(`Expected \`${name}\` to be ${rule.expected}, got ${String(value)}`);
  return value;
}

/** Any function: the callers name the function type they take. */
export const isFunction: Rule<unknown> = {
  expected: 'a function',
  valid: (value) => typeof value === 'function',
};

/** The screens that `--device` emulates for page discovery. */
export const deviceNames = ['mobile', 'desktop'] as const;
export type DeviceName = (typeof deviceNames)[number];

export const device: Rule<DeviceName> = {
  expected: `one of ${deviceNames.join(', ')}`,
  valid: (value) => (deviceNames as readonly string[]).includes(value),
};

export const integerAtLeast = (min: number): Rule<number> => ({
  expected: `an integer >= ${min}`,
  valid: (value) => Number.isSafeInteger(value) && value >= min,
});

export const seconds: Rule<number> = { expected: 'a number of seconds > 0', valid: (value) => Number.isFinite(value) && value > 0 };

export const boolean: Rule<boolean> = { expected: 'a boolean', valid: (value) => typeof value === 'boolean' };

export const shard: Rule<Shard> = {
  expected: 'a shard k/n with 1 <= k <= n, such as 1/4',
  valid: ({ k, n }) => Number.isSafeInteger(k) && Number.isSafeInteger(n) && k >= 1 && k <= n,
};

// Reports a CLI value that breaks its rule, in the words the library uses for the same rule.
function refuse(rule: { expected: string }, text: string): never {
  throw new TypeError(`expected ${rule.expected}, got '${text}'`);
}

/** A number given as text (a CLI argument), checked by `rule`. */
export function parseNumber(text: string, rule: Rule<number>): number {
  const value = Number(text);
  if (text.trim() === '' || !rule.valid(value)) refuse(rule, text);
  return value;
}

export const parseInteger = (text: string, min: number): number => parseNumber(text, integerAtLeast(min));
export const parseSeconds = (text: string): number => parseNumber(text, seconds);

const sizeUnits: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** A size such as `500k` or `10M` (powers of 1024, like curl). */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(text.trim());
  const multiplier = sizeUnits[match?.[2]?.toLowerCase() ?? ''];
  const bytes = match && multiplier ? Math.floor(Number(match[1]) * multiplier) : 0;
  if (bytes < 1) refuse({ expected: 'a size such as 500k, 10M or 1G' }, text);
  return bytes;
}

/** `Name: value`, with the name lower-cased (HTTP names are case-insensitive; undici sends them so). */
export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = text.slice(0, colon).trim();
  if (colon < 1 || !/^[!#$%&'*+.^`|~\w-]+$/.test(name)) refuse({ expected: '"Name: value"' }, text);
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new TypeError(`header value of '${name}' must not contain CR, LF or NUL`);
  return [name.toLowerCase(), value];
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const value = { k: Number(match?.[1]), n: Number(match?.[2]) };
  if (!shard.valid(value)) refuse(shard, text);
  return value;
}

/** A crawl's scope prefix: an absolute http(s) URL. */
export const scopeUrl: Rule<string> = {
  expected: 'an http(s) URL prefix, such as https://example.com/docs/',
  valid: (text) => {
    const url = URL.parse(text);
    return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
  },
};

export function parseScope(text: string): string {
  if (!scopeUrl.valid(text)) refuse(scopeUrl, text);
  return text;
}

export function parseProxy(text: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(hasScheme(text) ? text : `http://${text}`);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') refuse({ expected: 'an http(s) proxy URL' }, text);
  return url;
}
