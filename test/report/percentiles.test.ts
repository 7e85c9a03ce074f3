import { describe, expect, it } from 'vitest';
import { LogHistogram } from '../../src/report/percentiles.js';

// The nearest-rank percentile of sorted values, for comparison.
function exact(sorted: readonly number[], p: number): number {
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1] ?? NaN;
}

// A deterministic spread of values over six orders of magnitude (a linear congruential generator).
function values(count: number): number[] {
  let state = 42;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.round(10 ** (1 + (state / 2 ** 31) * 6));
  });
}

describe('LogHistogram', () => {
  it('gives percentiles within 1% of the exact ones, and the exact maximum', () => {
    const data = values(50_000);
    const histogram = new LogHistogram();
    for (const value of data) histogram.add(value);
    const sorted = [...data].sort((a, b) => a - b);
    for (const p of [1, 25, 50, 90, 95, 99, 100]) {
      const estimate = histogram.percentile(p) ?? NaN;
      expect(Math.abs(estimate - exact(sorted, p)) / exact(sorted, p), `p${p}`).toBeLessThanOrEqual(0.01);
    }
    expect(histogram.max).toBe(sorted.at(-1));
    expect(histogram.count).toBe(50_000);
  });

  it('is exact when every value is the same, and handles zeros', () => {
    const same = new LogHistogram();
    for (let i = 0; i < 10; i++) same.add(12);
    expect([same.percentile(50), same.percentile(95), same.max]).toEqual([12, 12, 12]);

    const zeros = new LogHistogram();
    for (const value of [0, 0, 0, 100]) zeros.add(value);
    expect(zeros.percentile(50)).toBe(0);
    expect(zeros.percentile(100)).toBe(100);
  });

  it('has no percentile without values', () => {
    const empty = new LogHistogram();
    expect(empty.percentile(50)).toBeUndefined();
    expect(empty.max).toBeUndefined();
  });
});
