import { describe, expect, it } from 'vitest';
import { devices } from '../../src/page/media-query.js';
import { pickImage, type ImageAttributes } from '../../src/page/srcset-pick.js';

const { mobile, desktop } = devices;

describe('pickImage', () => {
  it.each<[string, ImageAttributes, string | undefined, string | undefined]>([
    ['src alone', { src: 'a.jpg' }, 'a.jpg', 'a.jpg'],
    ['nothing', {}, undefined, undefined],
    ['an empty src', { src: '' }, undefined, undefined],
    ['an empty srcset and no src', { srcset: '' }, undefined, undefined],
    ['an empty srcset falls back to src', { srcset: ' , ', src: 'a.jpg' }, 'a.jpg', 'a.jpg'],
    // x descriptors: the first at least as dense as the screen, else the densest.
    ['1x and 2x', { srcset: 'a 1x, b 2x' }, 'b', 'a'],
    ['src counts as 1x', { src: 'a', srcset: 'b 2x' }, 'b', 'a'],
    ['1x, 1.5x, 3x', { srcset: 'c 3x, a 1x, b 1.5x' }, 'c', 'a'],
    ['only low densities', { srcset: 'a 0.5x, b 1.5x' }, 'b', 'b'],
    ['a duplicate density keeps the first', { srcset: 'a 2x, b 2x' }, 'a', 'a'],
    ['srcset 1x beats src', { src: 's', srcset: 'a 1x' }, 'a', 'a'],
    // w descriptors: density = width / source size (100vw without sizes).
    ['widths at 100vw', { srcset: 'a 400w, b 800w, c 1600w' }, 'b', 'c'],
    ['widths with sizes', { srcset: 'a 400w, b 800w, c 1600w', sizes: '(max-width: 600px) 100vw, 33vw' }, 'b', 'b'],
    ['widths with a wide sizes', { srcset: 'a 400w, b 800w, c 1600w', sizes: '(max-width: 600px) 50vw, 100vw' }, 'a', 'c'],
    ['small sizes', { srcset: 'a 400w, b 800w, c 1600w', sizes: '200px' }, 'a', 'a'],
    ['too small widths take the largest', { srcset: 'a 100w, b 200w' }, 'b', 'b'],
    ['src is no candidate beside widths', { src: 's', srcset: 'a 800w', sizes: '800px' }, 'a', 'a'],
    ['unordered widths', { srcset: 'c 2000w, a 500w, b 721w' }, 'b', 'c'],
    ['mixed w and x', { srcset: 'a 1x, b 1600w' }, 'b', 'a'],
    ['a dropped src still shadows an equal density', { src: 's', srcset: 'a 1350w, b 2000w' }, 'a', 'a'],
  ])('%s', (_name, attributes, onMobile, onDesktop) => {
    expect(pickImage(attributes, mobile)).toBe(onMobile);
    expect(pickImage(attributes, desktop)).toBe(onDesktop);
  });
});
