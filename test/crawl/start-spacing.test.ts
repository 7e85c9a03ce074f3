import { describe, expect, it } from 'vitest';
import { StartSpacing } from '../../src/crawl/start-spacing.js';
import { settle } from '../helpers/wait.js';

describe('StartSpacing', () => {
  it('lets the pages of an origin start one after another, each a gap after the one before', async () => {
    const sleeps: number[] = [];
    const spacing = new StartSpacing((ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    });
    const first = await spacing.turn('https://a.example', 1000);
    expect(sleeps).toEqual([]);
    let secondTurn = false;
    const second = spacing.turn('https://a.example', 1000).then((started) => {
      secondTurn = true;
      return started;
    });
    // Another origin does not wait.
    await spacing.turn('https://b.example', 1000);
    await settle();
    expect(secondTurn).toBe(false);
    first();
    (await second)();
    expect(secondTurn).toBe(true);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(900);
    expect(sleeps[0]).toBeLessThanOrEqual(1000);
  });
});
