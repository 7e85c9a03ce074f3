import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { SeenSet } from '../../src/crawl/seen-set.js';

// A collection before each reading, so that what is measured is what is kept.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heldBytes(): number {
  // Twice: the array buffers a collection frees leave the count once its
  // concurrent sweep is done, which the next collection waits for. Without
  // it, the tables the set grew out of can still be counted.
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

describe('SeenSet', () => {
  it('tells a new URL from one already added', () => {
    const seen = new SeenSet();
    expect(seen.has('https://a.example/')).toBe(false);
    expect(seen.add('https://a.example/')).toBe(true);
    expect(seen.has('https://a.example/')).toBe(true);
    expect(seen.add('https://a.example/')).toBe(false);
    expect(seen.has('https://a.example')).toBe(false);
    expect(seen.has('https://A.example/')).toBe(false);
    expect(seen.size).toBe(1);
  });

  it('keeps every URL while it grows', () => {
    const seen = new SeenSet();
    const count = 50_000;
    let added = 0;
    let found = 0;
    let strangers = 0;
    let again = 0;
    for (let i = 0; i < count; i++) if (seen.add(`https://a.example/p/${i}`)) added++;
    for (let i = 0; i < count; i++) if (seen.has(`https://a.example/p/${i}`)) found++;
    for (let i = count; i < 2 * count; i++) if (seen.has(`https://a.example/p/${i}`)) strangers++;
    for (let i = 0; i < count; i += 7) if (seen.add(`https://a.example/p/${i}`)) again++;
    expect({ added, found, strangers, again, size: seen.size }).toEqual({
      added: count,
      found: count,
      strangers: 0,
      again: 0,
      size: count,
    });
  });

  it('handles the empty string and long and non-ASCII URLs', () => {
    const seen = new SeenSet();
    const urls = ['', 'https://a.example/' + 'x'.repeat(100_000), 'https://a.example/€', 'https://a.example/\u{1F600}'];
    for (const url of urls) expect(seen.add(url)).toBe(true);
    for (const url of urls) expect(seen.has(url)).toBe(true);
    expect(seen.has('https://a.example/%E2%82%AC')).toBe(false);
  });

  it('holds a million URLs in under 24 MB, 16 bytes or less each', () => {
    const count = 1_000_000;
    const before = heldBytes();
    const seen = new SeenSet();
    for (let i = 0; i < count; i++) seen.add(`https://docs.example/section/${i % 977}/page-${i}.html`);
    const growth = heldBytes() - before;
    expect(seen.size).toBe(count);
    expect(seen.byteLength / count).toBeLessThanOrEqual(16);
    expect(growth).toBeLessThan(24 * 1024 * 1024);
    expect(seen.has('https://docs.example/section/0/page-0.html')).toBe(true);
  });
});
