import { describe, expect, it } from 'vitest';
import { devices } from '../../src/page/media-query.js';
import { lengthInPixels } from '../../src/page/srcset-length.js';
import { sourceSize } from '../../src/page/srcset-sizes.js';

const { mobile, desktop } = devices;

describe('lengthInPixels', () => {
  it.each([
    ['100px', 100, 100],
    ['0', 0, 0],
    ['50vw', 206, 675],
    ['2em', 32, 32],
    ['1.5rem', 24, 24],
    ['100VW', 412, 1350],
    ['10vh', 82.3, 94],
    ['100vmin', 412, 940],
    ['100dvw', 412, 1350],
    ['1in', 96, 96],
    ['72pt', 96, 96],
    ['calc(100vw - 32px)', 380, 1318],
    ['calc(50vw + 2 * 8px)', 222, 691],
    ['calc((100vw - 20px) / 2)', 196, 665],
    ['min(100vw, 600px)', 412, 600],
    ['max(50vw, 300px)', 300, 675],
    ['clamp(200px, 50vw, 500px)', 206, 500],
    ['calc(min(100vw, 1000px) - 2em)', 380, 968],
    ['calc(10px - 100vw)', 0, 0],
  ])('%s is %d px on mobile and %d on desktop', (text, onMobile, onDesktop) => {
    expect(lengthInPixels(text, mobile)).toBeCloseTo(onMobile, 5);
    expect(lengthInPixels(text, desktop)).toBeCloseTo(onDesktop, 5);
  });

  it.each([
    '50%',
    '100',
    '-10px',
    'auto',
    '',
    'px',
    'calc(100px * 2px)',
    'calc(100px + 2)',
    'calc(100px / 0)',
    'calc(100px',
    'calc(50%)',
    '(100px)',
    'foo(100px)',
    'clamp(1px, 2px)',
    'calc(100px)x',
    'calc(1px, 2px)',
    `${'calc('.repeat(100)}1px${')'.repeat(100)}`,
  ])('rejects %j', (text) => {
    expect(lengthInPixels(text, mobile)).toBeUndefined();
  });
});

describe('sourceSize', () => {
  it.each([
    [undefined, 412, 1350],
    ['', 412, 1350],
    ['300px', 300, 300],
    ['(max-width: 600px) 100vw, 50vw', 412, 675],
    ['(min-width: 1000px) 33vw, 100vw', 412, 445.5],
    ['(width >= 1000px) calc(33vw - 10px), (width >= 400px) 50vw, 100vw', 206, 435.5],
    // Invalid entries are skipped, not fatal.
    ['(max-width: 600px) 50%, 200px', 200, 200],
    ['auto, 120px', 120, 120],
    ['(min-width: 2000px) 10px', 412, 1350],
    // A media type is not a media condition.
    ['screen 10px, 20px', 20, 20],
    ['not (min-width: 1000px) 10px, 20px', 10, 20],
    ['(min-width: 500px) and (max-width: 1400px) min(50vw, 500px), 100vw', 412, 500],
  ])('%j is %d px on mobile and %d on desktop', (sizes, onMobile, onDesktop) => {
    expect(sourceSize(sizes, mobile)).toBeCloseTo(onMobile, 5);
    expect(sourceSize(sizes, desktop)).toBeCloseTo(onDesktop, 5);
  });
});
