import { describe, expect, it } from 'vitest';
import { Slots } from '../../src/pool/slots.js';

describe('Slots', () => {
  it('holds what was added and not deleted, reusing freed slots', () => {
    const slots = new Slots<string>();
    const a = slots.add('a');
    const b = slots.add('b');
    slots.delete(a);
    const c = slots.add('c');
    expect(c).toBe(a);
    expect(slots.values().sort()).toEqual(['b', 'c']);
    slots.delete(b);
    slots.delete(c);
    expect(slots.values()).toEqual([]);
  });

  it('lets a callback over values() delete while iterating', () => {
    const slots = new Slots<number>();
    const ids = [1, 2, 3].map((value) => slots.add(value));
    for (const [position] of slots.values().entries()) slots.delete(ids[position] ?? -1);
    expect(slots.values()).toEqual([]);
  });
});
