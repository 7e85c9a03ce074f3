// What a discovered resource is fetched as: its request destination (Fetch
// standard names), the `page.types` key it counts under, and the Accept header
// Chromium sends for it, since servers negotiate formats on that header.

/** The request destination a resource was discovered as. */
export type Destination =
  'document' | 'iframe' | 'style' | 'script' | 'image' | 'font' | 'audio' | 'video' | 'track' | 'embed' | 'object' | 'fetch';

/** A key of `page.types`. */
export type ResourceType = 'document' | 'stylesheet' | 'script' | 'image' | 'font' | 'media' | 'other';

/** Every `page.types` key, in the order records show them. */
export const resourceTypes: readonly ResourceType[] = ['document', 'stylesheet', 'script', 'image', 'font', 'media', 'other'];

// As Lighthouse's resource summary groups DevTools' resource types.
const TYPE_OF: Readonly<Record<Destination, ResourceType>> = {
  document: 'document',
  iframe: 'document',
  style: 'stylesheet',
  script: 'script',
  image: 'image',
  font: 'font',
  audio: 'media',
  video: 'media',
  track: 'other',
  embed: 'other',
  object: 'other',
  fetch: 'other',
};

// Chromium 130+ (blink's FetchUtils and content's frame loader). Plugin
// content (<embed>, <object>) loads as a navigation, so it asks as a document.
const DOCUMENT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';
const ACCEPT_OF: Readonly<Partial<Record<Destination, string>>> = {
  document: DOCUMENT_ACCEPT,
  iframe: DOCUMENT_ACCEPT,
  embed: DOCUMENT_ACCEPT,
  object: DOCUMENT_ACCEPT,
  style: 'text/css,*/*;q=0.1',
  image: 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8',
};

/** The `page.types` key of a destination. */
export function resourceTypeOf(destination: Destination): ResourceType {
  return TYPE_OF[destination];
}

/** The Accept header Chromium sends for a destination. */
export function acceptFor(destination: Destination): string {
  return ACCEPT_OF[destination] ?? '*/*';
}

// The `as` values Chromium preloads (PreloadHelper::GetResourceTypeFromAsAttribute);
// any other value makes the preload do nothing. Audio and video are not among
// them: Chromium disables media preloads until the preload cache handles ranges.
const PRELOAD_AS: ReadonlyMap<string, Destination> = new Map<string, Destination>([
  ['style', 'style'],
  ['script', 'script'],
  ['image', 'image'],
  ['font', 'font'],
  ['fetch', 'fetch'],
  ['track', 'track'],
]);

/** The destination of `<link rel=preload as=…>`, or undefined when `as` is not one a browser preloads. */
export function preloadDestination(as: string | undefined): Destination | undefined {
  return as === undefined ? undefined : PRELOAD_AS.get(as.toLowerCase());
}
