import { describe, expect, it } from 'vitest';
import { WeightBins } from '../../src/report/weight-bins.js';

describe('WeightBins', () => {
  it('counts weights in quarter-octave bins from the lightest to the heaviest', () => {
    const bins = new WeightBins();
    for (const bytes of [1024, 1100, 2048, 4095]) bins.add(bytes);
    const result = bins.bins();
    expect(result[0]).toEqual({ from: 1024, to: 2 ** 10.25, count: 2 });
    expect(result.at(-1)?.to).toBeCloseTo(4096);
    expect(result.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
    expect(result).toHaveLength(8);
  });

  it('widens the bins to at most maxBins, with octave edges as bin edges', () => {
    const bins = new WeightBins();
    for (let bytes = 1; bytes < 2 ** 30; bytes *= 3) bins.add(bytes);
    const result = bins.bins(16);
    expect(result.length).toBeLessThanOrEqual(16);
    expect(result.reduce((sum, bin) => sum + bin.count, 0)).toBe(19);
    for (const bin of result) expect(Number.isInteger(Math.log2(bin.from))).toBe(true);
  });

  it('reaches out to a value such as the budget, with empty bins between', () => {
    const bins = new WeightBins();
    bins.add(1024);
    const result = bins.bins(32, [4096]);
    expect(result.map((bin) => bin.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result.at(-1)?.from).toBeCloseTo(4096);
  });

  it('has no bins without weights, and counts 0 bytes as 1', () => {
    expect(new WeightBins().bins()).toEqual([]);
    const bins = new WeightBins();
    bins.add(0);
    expect(bins.bins()).toEqual([{ from: 1, to: 2 ** 0.25, count: 1 }]);
  });
});
