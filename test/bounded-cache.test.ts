import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../src/bounded-cache.js';

describe('BoundedCache', () => {
  it('computes a value once per key, and starts over past its capacity', () => {
    const computed: string[] = [];
    const cache = new BoundedCache((key) => {
      computed.push(key);
      return key.length;
    }, 2);
    expect([cache.get('a'), cache.get('bb'), cache.get('a'), cache.get('bb')]).toEqual([1, 2, 1, 2]);
    expect(computed).toEqual(['a', 'bb']);
    expect(cache.get('ccc')).toBe(3);
    expect(cache.get('a')).toBe(1);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'a']);
  });
});
