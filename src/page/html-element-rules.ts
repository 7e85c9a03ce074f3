// What one element makes the browser download on a first visit, by the
// discovery rules of the SPEC: the element alone decides, except for the
// <img> of a <picture>, whose URL the picture's sources choose.
import { attribute, keyword, type Attributes } from './html-attributes.js';
import { discoverFromLink, type Discovery } from './html-link-rules.js';
import { isFetchedScript } from './html-script-type.js';
import type { Device } from './media-query.js';
import { pickImage } from './srcset-pick.js';

// The elements whose `background` attribute paints an image (HTML's rendering section).
const BACKGROUND_ELEMENTS = new Set(['body', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

const isLazy = (attributes: Attributes): boolean => keyword(attribute(attributes, 'loading')) === 'lazy';

const push = (found: Discovery[], reference: string | undefined, discovery: Omit<Discovery, 'reference'>): void => {
  if (reference !== undefined) found.push({ reference, ...discovery });
};

/**
 * The downloads of an <img> (or its picture's choice, `chosen`): the image, deferred when
 * `loading=lazy`, and the image a lazy-loading script would swap in from `data-src`/`data-srcset`.
 */
export function discoverFromImage(attributes: Attributes, chosen: string | undefined, device: Device): Discovery[] {
  const found: Discovery[] = [];
  push(found, chosen, { destination: 'image', deferred: isLazy(attributes) });
  push(found, lazyLoaderImage(attributes, device), { destination: 'image', deferred: true });
  return found;
}

/** The image a lazy-loading script would load from `data-src`/`data-srcset`, chosen as srcset is. */
export function lazyLoaderImage(attributes: Attributes, device: Device): string | undefined {
  const src = attribute(attributes, 'data-src');
  const srcset = attribute(attributes, 'data-srcset');
  if (src === undefined && srcset === undefined) return undefined;
  return pickImage({ src, srcset, sizes: attribute(attributes, 'data-sizes') ?? attribute(attributes, 'sizes') }, device);
}

/** The downloads of any element outside a <picture>; media `<source>`s are the scanner's, which knows their parent. */
export function discoverFromElement(name: string, attributes: Attributes, device: Device): Discovery[] {
  const found: Discovery[] = [];
  const src = attribute(attributes, 'src');
  switch (name) {
    case 'link':
      return discoverFromLink(attributes, device);
    case 'script':
      if (isFetchedScript(attributes)) push(found, src, { destination: 'script', deferred: false });
      break;
    case 'img': {
      const chosen = pickImage({ src, srcset: attribute(attributes, 'srcset'), sizes: attribute(attributes, 'sizes') }, device);
      return discoverFromImage(attributes, chosen, device);
    }
    case 'input':
      if (keyword(attribute(attributes, 'type')) === 'image') push(found, src, { destination: 'image', deferred: false });
      break;
    case 'video':
      push(found, attribute(attributes, 'poster'), { destination: 'image', deferred: false });
      push(found, src, { destination: 'video', deferred: true });
      break;
    case 'audio':
      push(found, src, { destination: 'audio', deferred: true });
      break;
    case 'embed':
      push(found, src, { destination: 'embed', deferred: false });
      break;
    case 'object':
      push(found, attribute(attributes, 'data'), { destination: 'object', deferred: false });
      break;
    case 'iframe':
      // srcdoc, when present, is what the frame shows, and src is not loaded.
      if (attribute(attributes, 'srcdoc') === undefined) push(found, src, { destination: 'iframe', deferred: isLazy(attributes) });
      break;
    default:
      break;
  }
  if (BACKGROUND_ELEMENTS.has(name)) push(found, attribute(attributes, 'background'), { destination: 'image', deferred: false });
  return found;
}
