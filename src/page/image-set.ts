import type { CssNode, FunctionNode } from 'css-tree';

// The types Chromium decodes (MIMETypeRegistry::IsSupportedImageMIMEType); an option whose
// type() names another is dropped before the choice, as CSS Images 4 says.
const supportedTypes = new Set([
  'image/avif',
  'image/webp',
  'image/png',
  'image/apng',
  'image/gif',
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/bmp',
  'image/x-png',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/x-xbitmap',
]);

const dppxPerUnit: ReadonlyMap<string, number> = new Map([
  ['x', 1],
  ['dppx', 1],
  ['dpi', 1 / 96],
  ['dpcm', 2.54 / 96],
]);

interface Option {
  // The URL as written, or undefined for an image that is not fetched (a gradient).
  readonly url: string | undefined;
  readonly resolution: number;
}

function parseOption(nodes: readonly CssNode[]): Option | undefined {
  let url: string | undefined;
  let image = false;
  let resolution = 1;
  for (const node of nodes) {
    if (node.type === 'Url' || node.type === 'String') {
      url = node.value;
      image = true;
    } else if (node.type === 'Dimension') {
      const factor = dppxPerUnit.get(node.unit.toLowerCase());
      if (factor === undefined) return undefined;
      resolution = Number(node.value) * factor;
    } else if (node.type === 'Function' && node.name.toLowerCase() === 'type') {
      const type = node.children.first;
      if (type?.type !== 'String' || !supportedTypes.has(type.value.toLowerCase())) return undefined;
    } else if (node.type === 'Function') {
      image = true;
    }
  }
  return image && resolution > 0 ? { url, resolution } : undefined;
}

function splitOptions(fn: FunctionNode): CssNode[][] {
  const options: CssNode[][] = [[]];
  for (const node of fn.children) {
    if (node.type === 'Operator' && node.value === ',') options.push([]);
    else if (node.type !== 'WhiteSpace') options.at(-1)?.push(node);
  }
  return options;
}

/** Whether a function is `image-set()` or its prefixed form, which both take options. */
export function isImageSet(fn: FunctionNode): boolean {
  const name = fn.name.toLowerCase();
  return name === 'image-set' || name === '-webkit-image-set';
}

/**
 * The URL, as written, of the option Chromium loads at this pixel ratio (CSSImageSetValue::GetBestOption):
 * options of a supported type in order of resolution, the first of each resolution, then the lowest
 * resolution at or above the ratio, else the highest. Undefined when that option is no URL.
 */
export function pickImageSet(fn: FunctionNode, dpr: number): string | undefined {
  const options: Option[] = [];
  for (const nodes of splitOptions(fn)) {
    const option = parseOption(nodes);
    if (option !== undefined) options.push(option);
  }
  // Array.prototype.sort is stable, so of equal resolutions the first comes first.
  options.sort((a, b) => a.resolution - b.resolution);
  const highest = options.at(-1)?.resolution ?? 0;
  return options.find((option) => option.resolution >= Math.min(dpr, highest))?.url;
}
