import { setImmediate as nextTurn } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { Queue } from '../../src/pool/queue.js';

describe('Queue', () => {
  it('gives items back first in, first out', () => {
    const queue = new Queue<number>();
    for (let i = 0; i < 3000; i++) queue.push(i);
    const taken: number[] = [];
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
      taken.push(item);
      if (item % 2 === 0 && item < 3000) queue.push(3000 + item);
    }
    expect(taken.slice(0, 3000)).toEqual(Array.from({ length: 3000 }, (_, i) => i));
    expect(taken).toHaveLength(4500);
    expect(queue.size).toBe(0);
  });

  it('does not hold what was taken, though the queue never empties', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    const queue = new Queue<object>();
    // Push the first item, then keep one item waiting at every shift.
    const first = ((): WeakRef<object> => {
      const item = { index: 0 };
      queue.push(item);
      return new WeakRef(item);
    })();
    for (let index = 1; index < 5000; index++) {
      queue.push({ index });
      queue.shift();
    }
    expect(queue.size).toBe(1);
    // A WeakRef keeps its target alive until the job that made it ends.
    await nextTurn();
    collectGarbage();
    expect(first.deref()).toBeUndefined();
  });
});
