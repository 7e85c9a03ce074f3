import { describe, expect, it } from 'vitest';
import { ReferrerCounts } from '../../src/crawl/referrer-counts.js';

describe('ReferrerCounts', () => {
  it('is never below the true count, and exact for a few URLs among many', () => {
    const counts = new ReferrerCounts();
    for (let page = 0; page < 100_000; page++) counts.add(`https://a.example/p/${page}`);
    for (let times = 0; times < 7; times++) counts.add('https://a.example/broken');
    expect(counts.count('https://a.example/broken')).toBeGreaterThanOrEqual(7);
    expect(counts.count('https://a.example/broken')).toBeLessThanOrEqual(9);
    let over = 0;
    for (let page = 0; page < 1000; page++) {
      const count = counts.count(`https://a.example/p/${page}`);
      expect(count).toBeGreaterThanOrEqual(1);
      if (count > 1) over++;
    }
    expect(over).toBeLessThan(50);
    expect(counts.count('https://a.example/never')).toBeLessThanOrEqual(2);
  });
});
