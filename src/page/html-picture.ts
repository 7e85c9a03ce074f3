// A <picture> as the scanner meets it: its <source> children are held until
// its <img>, which downloads the one candidate they and it choose. Sources
// that are not the picture's children, or come after its <img>, choose nothing.
import { attribute, type Attributes } from './html-attributes.js';
import { discoverFromImage, lazyLoaderImage } from './html-element-rules.js';
import type { Discovery } from './html-link-rules.js';
import type { Device } from './media-query.js';
import { pickPictureImage, type PictureSource } from './picture-source.js';

/** Follows one <picture> at a time through the open and close tags of a document. */
export interface PictureTracker {
  /** What the element downloads if it is the picture's <source> or <img>, else undefined. */
  open(name: string, attributes: Attributes, depth: number): Discovery[] | undefined;
  close(name: string, depth: number): void;
}

/** A tracker for the device; `depth` counts open elements, the element itself included. */
export function createPictureTracker(device: Device): PictureTracker {
  let picture: { depth: number; sources: PictureSource[]; done: boolean } | undefined;
  return {
    open(name, attributes, depth) {
      if (picture === undefined || picture.done || depth !== picture.depth + 1) {
        if (name === 'picture' && picture === undefined) picture = { depth, sources: [], done: false };
        return undefined;
      }
      if (name === 'source') {
        picture.sources.push({
          srcset: attribute(attributes, 'srcset'),
          sizes: attribute(attributes, 'sizes'),
          media: attribute(attributes, 'media'),
          type: attribute(attributes, 'type'),
        });
        const lazy = lazyLoaderImage(attributes, device);
        return lazy === undefined ? [] : [{ reference: lazy, destination: 'image', deferred: true }];
      }
      if (name !== 'img') return undefined;
      picture.done = true;
      const { sources } = picture;
      const image = { src: attribute(attributes, 'src'), srcset: attribute(attributes, 'srcset'), sizes: attribute(attributes, 'sizes') };
      return discoverFromImage(attributes, pickPictureImage(sources, image, device), device);
    },
    close(name, depth) {
      if (name === 'picture' && picture?.depth === depth) picture = undefined;
    },
  };
}
