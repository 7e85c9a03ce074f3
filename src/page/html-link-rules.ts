// What a <link> makes the browser download. Icons and the manifest are
// fetched for the browser's own interface, not the page, and prefetch and
// preconnect for a later page or none, so none of them is weighed.
import { preloadDestination, type Destination } from './destinations.js';
import { attribute, keyword, tokens, type Attributes } from './html-attributes.js';
import { matchesMedia, type Device } from './media-query.js';
import { isSupportedImageType } from './picture-source.js';
import { pickImage } from './srcset-pick.js';

/** A URL an element names, before resolution, and what it is fetched as. */
export interface Discovery {
  reference: string;
  destination: Destination;
  /** Left out of the page's weight and counted in `page.deferred`. */
  deferred: boolean;
}

/** The downloads of one <link>. */
export function discoverFromLink(attributes: Attributes, device: Device): Discovery[] {
  const rel = tokens(attribute(attributes, 'rel'));
  const href = attribute(attributes, 'href');
  const found: Discovery[] = [];
  if (rel.has('stylesheet') && !rel.has('alternate') && attribute(attributes, 'disabled') === undefined) {
    // Any media: a browser fetches a sheet for print too, only later.
    const type = keyword(attribute(attributes, 'type'));
    if (href !== undefined && (type === undefined || type === '' || type === 'text/css')) {
      found.push({ reference: href, destination: 'style', deferred: false });
    }
  }
  if (rel.has('modulepreload') && href !== undefined) {
    found.push({ reference: href, destination: 'script', deferred: false });
  }
  if (rel.has('preload')) {
    const preload = discoverPreload(attributes, href, device);
    if (preload !== undefined) found.push(preload);
  }
  return found;
}

function discoverPreload(attributes: Attributes, href: string | undefined, device: Device): Discovery | undefined {
  const destination = preloadDestination(attribute(attributes, 'as'));
  if (destination === undefined) return undefined;
  // Unlike a stylesheet, a preload whose media does not match is not fetched at all.
  const media = attribute(attributes, 'media');
  if (media !== undefined && !matchesMedia(media, device)) return undefined;
  const type = attribute(attributes, 'type');
  if (destination === 'image' && !isSupportedImageType(type)) return undefined;
  if (destination === 'style' && type !== undefined && !['', 'text/css'].includes(keyword(type) ?? '')) return undefined;
  const reference =
    destination === 'image'
      ? pickImage({ src: href, srcset: attribute(attributes, 'imagesrcset'), sizes: attribute(attributes, 'imagesizes') }, device)
      : href;
  return reference === undefined ? undefined : { reference, destination, deferred: false };
}
