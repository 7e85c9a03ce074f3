import type { CssNode, Feature, FeatureRange } from 'css-tree';
import type { Device } from './media-query.js';

/** Three-valued logic of Media Queries 4: `undefined` is "unknown", which a whole query reads as false. */
export type Kleene = boolean | undefined;

type RangeUnit = 'length' | 'ratio' | 'resolution' | 'number';

interface RangeFeature {
  readonly unit: RangeUnit;
  readonly value: (device: Device) => number;
}

// Range features take min-/max- prefixes and the level-4 range syntax; their value is 0 in a boolean context.
const rangeFeatures: ReadonlyMap<string, RangeFeature> = new Map<string, RangeFeature>([
  ['width', { unit: 'length', value: (d) => d.width }],
  ['height', { unit: 'length', value: (d) => d.height }],
  // Lighthouse emulates the screen at the viewport's size.
  ['device-width', { unit: 'length', value: (d) => d.width }],
  ['device-height', { unit: 'length', value: (d) => d.height }],
  ['aspect-ratio', { unit: 'ratio', value: (d) => d.width / d.height }],
  ['device-aspect-ratio', { unit: 'ratio', value: (d) => d.width / d.height }],
  ['resolution', { unit: 'resolution', value: (d) => d.dpr }],
  ['-webkit-device-pixel-ratio', { unit: 'number', value: (d) => d.dpr }],
  ['color', { unit: 'number', value: () => 8 }],
  ['color-index', { unit: 'number', value: () => 0 }],
  ['monochrome', { unit: 'number', value: () => 0 }],
  ['grid', { unit: 'number', value: () => 0 }],
]);

// Discrete features: the device's keyword. `none` and `no-preference` are false in a boolean context.
const discreteFeatures: ReadonlyMap<string, (device: Device) => string> = new Map<string, (device: Device) => string>([
  ['orientation', (d) => (d.height >= d.width ? 'portrait' : 'landscape')],
  ['hover', (d) => (d.name === 'mobile' ? 'none' : 'hover')],
  ['any-hover', (d) => (d.name === 'mobile' ? 'none' : 'hover')],
  ['pointer', (d) => (d.name === 'mobile' ? 'coarse' : 'fine')],
  ['any-pointer', (d) => (d.name === 'mobile' ? 'coarse' : 'fine')],
  ['prefers-color-scheme', () => 'light'],
  ['prefers-reduced-motion', () => 'no-preference'],
  ['prefers-reduced-transparency', () => 'no-preference'],
  ['prefers-contrast', () => 'no-preference'],
  ['forced-colors', () => 'none'],
  ['display-mode', () => 'browser'],
  ['color-gamut', () => 'srgb'],
  ['dynamic-range', () => 'standard'],
  ['video-dynamic-range', () => 'standard'],
  ['scripting', () => 'enabled'],
  ['update', () => 'fast'],
  ['overflow-block', () => 'scroll'],
  ['overflow-inline', () => 'scroll'],
]);

const pxPerUnit: ReadonlyMap<string, number> = new Map([
  ['px', 1],
  ['em', 16],
  ['rem', 16],
  ['in', 96],
  ['cm', 96 / 2.54],
  ['mm', 96 / 25.4],
  ['q', 96 / 101.6],
  ['pt', 96 / 72],
  ['pc', 16],
]);

const dppxPerUnit: ReadonlyMap<string, number> = new Map([
  ['dppx', 1],
  ['x', 1],
  ['dpi', 1 / 96],
  ['dpcm', 2.54 / 96],
]);

// Media queries resolve em and rem against the initial font size and viewport units against the initial viewport.
function toPx(amount: number, unit: string, device: Device): number | undefined {
  switch (unit) {
    case 'vw':
      return (amount * device.width) / 100;
    case 'vh':
      return (amount * device.height) / 100;
    case 'vmin':
      return (amount * Math.min(device.width, device.height)) / 100;
    case 'vmax':
      return (amount * Math.max(device.width, device.height)) / 100;
    default: {
      const factor = pxPerUnit.get(unit);
      return factor === undefined ? undefined : amount * factor;
    }
  }
}

function toNumber(node: CssNode, unit: RangeUnit, device: Device): number | undefined {
  if (node.type === 'Number') {
    const value = Number(node.value);
    // A length or resolution needs its unit, except a length of zero.
    return unit === 'number' || unit === 'ratio' || (unit === 'length' && value === 0) ? value : undefined;
  }
  if (node.type === 'Dimension') {
    const unitName = node.unit.toLowerCase();
    if (unit === 'length') return toPx(Number(node.value), unitName, device);
    const factor = unit === 'resolution' ? dppxPerUnit.get(unitName) : undefined;
    return factor === undefined ? undefined : Number(node.value) * factor;
  }
  if (node.type === 'Ratio' && unit === 'ratio' && node.left.type === 'Number') {
    if (node.right === null) return Number(node.left.value);
    return node.right.type === 'Number' ? Number(node.left.value) / Number(node.right.value) : undefined;
  }
  return undefined;
}

function compare(left: number, operator: string, right: number): boolean {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    default:
      return left === right;
  }
}

/** `(name)`, `(name: value)` and `(min-name: value)`; an unknown name or value is unknown, as `<general-enclosed>`. */
export function evaluateFeature(node: Feature, device: Device): Kleene {
  const name = node.name.toLowerCase();
  const discrete = discreteFeatures.get(name);
  if (discrete !== undefined) {
    const actual = discrete(device);
    if (node.value === null) return actual !== 'none' && actual !== 'no-preference';
    return node.value.type === 'Identifier' ? node.value.name.toLowerCase() === actual : undefined;
  }
  const plain = rangeFeatures.get(name);
  if (plain !== undefined) {
    if (node.value === null) return plain.value(device) !== 0;
    const expected = toNumber(node.value, plain.unit, device);
    return expected === undefined ? undefined : plain.value(device) === expected;
  }
  const [operator, base] = splitPrefix(name);
  const feature = base === undefined ? undefined : rangeFeatures.get(base);
  if (feature === undefined || node.value === null) return undefined;
  const expected = toNumber(node.value, feature.unit, device);
  return expected === undefined ? undefined : compare(feature.value(device), operator, expected);
}

function splitPrefix(name: string): [string, string | undefined] {
  for (const [prefix, operator, keep] of [
    ['min-', '>=', ''],
    ['max-', '<=', ''],
    ['-webkit-min-', '>=', '-webkit-'],
    ['-webkit-max-', '<=', '-webkit-'],
  ] as const) {
    if (name.startsWith(prefix)) return [operator, keep + name.slice(prefix.length)];
  }
  return ['=', undefined];
}

const flipped: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' };

/** `(width >= 600px)`, `(600px <= width)` and `(400px < width < 800px)`. */
export function evaluateRange(node: FeatureRange, device: Device): Kleene {
  const { left, leftComparison, middle, rightComparison, right } = node;
  if (rightComparison !== null && right !== null) {
    const ascending = leftComparison.startsWith('<') && rightComparison.startsWith('<');
    const descending = leftComparison.startsWith('>') && rightComparison.startsWith('>');
    if (middle.type !== 'Identifier' || (!ascending && !descending)) return undefined;
    const low = evaluateComparison(middle.name, flipped[leftComparison] ?? '=', left, device);
    const high = evaluateComparison(middle.name, rightComparison, right, device);
    return low === false || high === false ? false : low === undefined || high === undefined ? undefined : true;
  }
  if (left.type === 'Identifier') return evaluateComparison(left.name, leftComparison, middle, device);
  if (middle.type === 'Identifier') return evaluateComparison(middle.name, flipped[leftComparison] ?? '=', left, device);
  return undefined;
}

function evaluateComparison(name: string, operator: string, value: CssNode, device: Device): Kleene {
  const feature = rangeFeatures.get(name.toLowerCase());
  const expected = feature === undefined ? undefined : toNumber(value, feature.unit, device);
  return feature === undefined || expected === undefined ? undefined : compare(feature.value(device), operator, expected);
}
