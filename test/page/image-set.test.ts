import { parse, type FunctionNode } from 'css-tree';
import { describe, expect, it } from 'vitest';
import { isImageSet, pickImageSet } from '../../src/page/image-set.js';

function imageSet(value: string): FunctionNode {
  const node = parse(value, { context: 'value' });
  const fn = node.type === 'Value' ? node.children.first : null;
  if (fn?.type !== 'Function') throw new Error(`no function in ${value}`);
  return fn;
}

// [image-set, pick at DPR 1 (desktop), pick at DPR 1.75 (mobile)]
const cases: [string, string | undefined, string | undefined][] = [
  ['image-set("a.png" 1x, "b.png" 2x)', 'a.png', 'b.png'],
  ['image-set(url(b.png) 2x, url(a.png) 1x)', 'a.png', 'b.png'],
  ['-webkit-image-set(url(a.png) 1x, url(b.png) 2x)', 'a.png', 'b.png'],
  ['image-set("a.png" 1x, "c.png" 1.5x, "b.png" 2x)', 'a.png', 'b.png'],
  ['image-set("a.png" 1x, "d.png" 1.75x, "b.png" 2x)', 'a.png', 'd.png'],
  ['image-set("a.png" 1x, "c.png" 1.5x)', 'a.png', 'c.png'],
  ['image-set("a.png")', 'a.png', 'a.png'],
  ['image-set("a.png", "b.png" 2x)', 'a.png', 'b.png'],
  ['image-set("half.png" 0.5x)', 'half.png', 'half.png'],
  ['image-set("a.png" 96dpi, "b.png" 192dpi)', 'a.png', 'b.png'],
  ['image-set("a.png" 1dppx, "b.png" 2dppx)', 'a.png', 'b.png'],
  // Of equal resolutions the first; of options below the ratio the highest, and its first.
  ['image-set("first.png" 1x, "second.png" 1x)', 'first.png', 'first.png'],
  ['image-set("a.png" 0.5x, "b.png" 1.5x, "c.png" 1.5x)', 'b.png', 'b.png'],
  // type(): unsupported types are dropped before the choice.
  ['image-set("a.avif" type("image/avif"), "a.jpg" type("image/jpeg"))', 'a.avif', 'a.avif'],
  ['image-set("a.jxl" type("image/jxl") 1x, "a.jpg" type("image/jpeg") 1x)', 'a.jpg', 'a.jpg'],
  ['image-set("a.webp" type("image/webp") 2x, "a.png" 1x)', 'a.png', 'a.webp'],
  ['image-set("a.svg" type("image/svg+xml"))', undefined, undefined],
  // Non-URL images load nothing; invalid options are dropped.
  ['image-set(linear-gradient(red, blue) 1x, "b.png" 2x)', undefined, 'b.png'],
  ['image-set("a.png" 0x, "b.png" 2x)', 'b.png', 'b.png'],
  ['image-set("a.png" 2px, "b.png" 2x)', 'b.png', 'b.png'],
  ['image-set()', undefined, undefined],
];

describe('pickImageSet', () => {
  it.each(cases)('%s: %s at 1x, %s at 1.75x', (value, desktop, mobile) => {
    expect(pickImageSet(imageSet(value), 1)).toBe(desktop);
    expect(pickImageSet(imageSet(value), 1.75)).toBe(mobile);
  });

  it('knows image-set() by its name in any case and prefix', () => {
    expect(isImageSet(imageSet('Image-Set("a.png")'))).toBe(true);
    expect(isImageSet(imageSet('-WEBKIT-image-set("a.png")'))).toBe(true);
    expect(isImageSet(imageSet('cross-fade(url(a.png), url(b.png))'))).toBe(false);
  });
});
