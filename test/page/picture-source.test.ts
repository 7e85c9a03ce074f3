import { describe, expect, it } from 'vitest';
import { devices } from '../../src/page/media-query.js';
import { isSupportedImageType, pickPictureImage, type PictureSource } from '../../src/page/picture-source.js';

const { mobile, desktop } = devices;

describe('isSupportedImageType', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['image/avif', true],
    ['IMAGE/WEBP', true],
    [' image/png ; q=1', true],
    ['image/svg+xml', true],
    ['image/jxl', false],
    ['image/heic', false],
    ['video/mp4', false],
    ['text/html', false],
  ])('%j: %s', (type, expected) => {
    expect(isSupportedImageType(type)).toBe(expected);
  });
});

describe('pickPictureImage', () => {
  const img = { src: 'fallback.jpg', srcset: 'fallback-2x.jpg 2x' };
  it.each<[string, PictureSource[], string, string]>([
    ['no sources', [], 'fallback-2x.jpg', 'fallback.jpg'],
    ['a supported type', [{ srcset: 'a.avif', type: 'image/avif' }], 'a.avif', 'a.avif'],
    [
      'an unsupported type is skipped',
      [
        { srcset: 'a.jxl', type: 'image/jxl' },
        { srcset: 'b.webp', type: 'image/webp' },
      ],
      'b.webp',
      'b.webp',
    ],
    ['media chooses per device', [{ srcset: 'wide.jpg', media: '(min-width: 800px)' }, { srcset: 'narrow.jpg' }], 'narrow.jpg', 'wide.jpg'],
    ['no matching source', [{ srcset: 'wide.jpg', media: '(min-width: 2000px)' }], 'fallback-2x.jpg', 'fallback.jpg'],
    ['a source without srcset is skipped', [{ src: 'x.jpg' }, { srcset: 'b.jpg' }], 'b.jpg', 'b.jpg'],
    ['a source with an empty srcset is skipped', [{ srcset: ' ' }], 'fallback-2x.jpg', 'fallback.jpg'],
    ['a source with only invalid candidates is skipped', [{ srcset: 'a.jpg 2q' }, { srcset: 'b.jpg' }], 'b.jpg', 'b.jpg'],
    ['the source uses its own sizes', [{ srcset: 's 400w, m 800w, l 1600w', sizes: '50vw' }], 's', 'm'],
    ['an invalid media matches nothing', [{ srcset: 'a.jpg', media: '(min-width: )' }, { srcset: 'b.jpg' }], 'b.jpg', 'b.jpg'],
  ])('%s', (_name, sources, onMobile, onDesktop) => {
    expect(pickPictureImage(sources, img, mobile)).toBe(onMobile);
    expect(pickPictureImage(sources, img, desktop)).toBe(onDesktop);
  });
});
