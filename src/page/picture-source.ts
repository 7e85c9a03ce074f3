// The image a <picture> shows: the first <source> with a srcset, a supported
// `type` and a matching `media`, else its <img>, as Chromium's
// HTMLImageElement::FindBestFitImageFromPictureParent decides.
import { matchesMedia, type Device } from './media-query.js';
import { pickImage, type ImageAttributes } from './srcset-pick.js';

/** A <source> of a <picture>, with the attributes that choose it. */
export interface PictureSource extends ImageAttributes {
  media?: string | undefined;
  type?: string | undefined;
}

// The image MIME types Chromium decodes (MIMETypeRegistry::IsSupportedImageMIMEType).
const SUPPORTED_IMAGE_TYPES = new Set([
  'image/avif',
  'image/webp',
  'image/png',
  'image/x-png',
  'image/apng',
  'image/jpeg',
  'image/jpg',
  'image/pjpeg',
  'image/gif',
  'image/svg+xml',
  'image/bmp',
  'image/x-ms-bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/x-xbitmap',
]);

/** Whether a `type` attribute names an image type the browser would decode; no type means yes. */
export function isSupportedImageType(type: string | undefined): boolean {
  if (type === undefined) return true;
  const essence = (type.split(';')[0] ?? '').trim().toLowerCase();
  return essence === '' || SUPPORTED_IMAGE_TYPES.has(essence);
}

/** The URL (unresolved) a <picture> downloads: from its sources in order, else from the <img>. */
export function pickPictureImage(sources: readonly PictureSource[], image: ImageAttributes, device: Device): string | undefined {
  for (const source of sources) {
    // A <source> without srcset is skipped, whatever its media: src is not its attribute.
    if (source.srcset === undefined || source.srcset.trim() === '') continue;
    if (!isSupportedImageType(source.type)) continue;
    if (source.media !== undefined && !matchesMedia(source.media, device)) continue;
    const url = pickImage({ srcset: source.srcset, sizes: source.sizes }, device);
    if (url !== undefined) return url;
  }
  return pickImage(image, device);
}
