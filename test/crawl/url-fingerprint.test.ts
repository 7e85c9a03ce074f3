import { describe, expect, it } from 'vitest';
import { urlFingerprint } from '../../src/crawl/url-fingerprint.js';

describe('urlFingerprint', () => {
  it('is the same for the same URL and differs for URLs a character apart', () => {
    expect(urlFingerprint('https://a.example/p/1')).toEqual(urlFingerprint('https://a.example/p/1'));
    const urls = [
      '',
      'a',
      'b',
      'ab',
      'ba',
      'https://a.example/p/1',
      'https://a.example/p/10',
      'https://a.example/p/1\u0000',
      'https://a.example/€',
    ];
    const keys = new Set(urls.map((url) => urlFingerprint(url).join(' ')));
    expect(keys.size).toBe(urls.length);
  });

  it('spreads URLs of one site over 64 bits as a random function would', () => {
    const count = 200_000;
    const pairs = new Set<string>();
    const halves = [new Set<number>(), new Set<number>()];
    const collisions = [0, 0];
    const buckets = new Array<number>(64).fill(0);
    for (let i = 0; i < count; i++) {
      const fingerprint = urlFingerprint(`https://docs.example/section/${i % 977}/page-${i}.html`);
      pairs.add(fingerprint.join(' '));
      fingerprint.forEach((half, lane) => {
        if (halves[lane]?.has(half)) collisions[lane] = (collisions[lane] ?? 0) + 1;
        halves[lane]?.add(half);
      });
      // The seen set places a URL by the top bits of the second half.
      const bucket = fingerprint[1] >>> 26;
      buckets[bucket] = (buckets[bucket] ?? 0) + 1;
    }
    expect(pairs.size).toBe(count);
    // A random 32-bit function gives n² / 2³³ ≈ 4.7 collisions among 200 000.
    for (const found of collisions) expect(found).toBeLessThan(20);
    for (const inBucket of buckets) expect(Math.abs(inBucket - count / 64) / (count / 64)).toBeLessThan(0.1);
  });
});
