import { describe, expect, it } from 'vitest';
import { TopList } from '../../src/report/top-list.js';

describe('TopList', () => {
  it('keeps the heaviest items, heaviest first, whatever the order they come in', () => {
    const top = new TopList<string>(3);
    for (const [weight, name] of [
      [5, 'e'],
      [1, 'a'],
      [9, 'i'],
      [3, 'c'],
      [7, 'g'],
      [2, 'b'],
    ] as const)
      top.add(weight, name);
    expect(top.sorted()).toEqual([
      { weight: 9, item: 'i' },
      { weight: 7, item: 'g' },
      { weight: 5, item: 'e' },
    ]);
    expect(top.size).toBe(3);
  });

  it('returns what it pushed out, and of equal weights keeps the first', () => {
    const top = new TopList<string>(2);
    expect(top.add(4, 'first')).toBeUndefined();
    expect(top.add(4, 'second')).toBeUndefined();
    expect(top.admits(4)).toBe(false);
    expect(top.add(4, 'third')).toBeUndefined();
    expect(top.add(5, 'heavier')).toBe('second');
    expect(top.sorted().map(({ item }) => item)).toEqual(['heavier', 'first']);
  });

  it('matches a full sort on many values', () => {
    const top = new TopList<number>(50);
    const values = Array.from({ length: 10_000 }, (_, index) => (index * 7919) % 10_007);
    for (const value of values) top.add(value, value);
    const expected = [...values].sort((a, b) => b - a).slice(0, 50);
    expect(top.sorted().map(({ item }) => item)).toEqual(expected);
  });
});
