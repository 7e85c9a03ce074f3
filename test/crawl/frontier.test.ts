import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Frontier, type FrontierEntry } from '../../src/crawl/frontier.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heldBytes(): number {
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function entry(n: number): FrontierEntry {
  return { url: `https://a.example/p/${n}`, depth: n % 7, linkedFrom: n === 0 ? null : `https://a.example/p/${n - 1}` };
}

// A small deterministic generator, so a failing sequence can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

let directory = '';
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'sitesize-frontier-test-'));
});
afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function spillFolders(): string[] {
  return readdirSync(directory);
}

describe('Frontier', () => {
  it('gives entries back first in, first out', async () => {
    const frontier = new Frontier({ directory });
    for (let n = 0; n < 5; n++) await frontier.push(entry(n));
    expect(frontier.size).toBe(5);
    const taken = [];
    for (let n = 0; n < 6; n++) taken.push(await frontier.shift());
    expect(taken).toEqual([entry(0), entry(1), entry(2), entry(3), entry(4), undefined]);
    expect(frontier.size).toBe(0);
    expect(spillFolders()).toEqual([]);
    await frontier.close();
  });

  it.each([1, 2, 3, 10])('keeps the order of any mix of pushes and shifts, %i in memory at each end', async (maxInMemory) => {
    const frontier = new Frontier({ directory, maxInMemory });
    const model: FrontierEntry[] = [];
    const next = random(maxInMemory);
    let pushed = 0;
    for (let step = 0; step < 3000; step++) {
      // Phases that mostly push, then mostly shift, fill and drain the file.
      const pushing = Math.floor(step / 500) % 2 === 0 ? 0.75 : 0.3;
      if (next() < pushing) {
        const value = entry(pushed++);
        model.push(value);
        await frontier.push(value);
      } else {
        expect(await frontier.shift()).toEqual(model.shift());
      }
      expect(frontier.size).toBe(model.length);
      expect(frontier.inMemory).toBeLessThanOrEqual(2 * maxInMemory);
    }
    while (model.length > 0) expect(await frontier.shift()).toEqual(model.shift());
    expect(await frontier.shift()).toBeUndefined();
    await frontier.close();
  });

  it('runs calls in the order they were made when they are not awaited', async () => {
    const frontier = new Frontier({ directory, maxInMemory: 4 });
    const pushes = Array.from({ length: 50 }, (_, n) => frontier.push(entry(n)));
    const shifts = Array.from({ length: 51 }, () => frontier.shift());
    await Promise.all(pushes);
    expect(await Promise.all(shifts)).toEqual([...Array.from({ length: 50 }, (_, n) => entry(n)), undefined]);
    await frontier.close();
  });

  it('makes its file only when it spills, empties it when drained, and removes it on close', async () => {
    const frontier = new Frontier({ directory, maxInMemory: 2 });
    for (let n = 0; n < 2; n++) await frontier.push(entry(n));
    expect(spillFolders()).toEqual([]);
    for (let n = 2; n < 10; n++) await frontier.push(entry(n));
    const [folder] = spillFolders();
    expect(folder).toMatch(/^sitesize-frontier-/);
    const file = join(directory, folder ?? '', 'queue.jsonl');
    expect(statSync(file).size).toBeGreaterThan(0);
    for (let n = 0; n < 10; n++) expect(await frontier.shift()).toEqual(entry(n));
    expect(statSync(file).size).toBe(0);
    await frontier.close();
    expect(spillFolders()).toEqual([]);
  });

  it('refuses calls after close, and may be closed twice', async () => {
    const frontier = new Frontier({ directory, maxInMemory: 1 });
    for (let n = 0; n < 5; n++) await frontier.push(entry(n));
    await frontier.close();
    await frontier.close();
    await expect(frontier.push(entry(0))).rejects.toThrow(/closed/);
    await expect(frontier.shift()).rejects.toThrow(/closed/);
    expect(spillFolders()).toEqual([]);
  });

  it('brings back long and non-ASCII URLs as they went in', async () => {
    const frontier = new Frontier({ directory, maxInMemory: 1 });
    const values: FrontierEntry[] = [
      { url: `https://a.example/${'x'.repeat(300_000)}`, depth: 1, linkedFrom: 'https://a.example/' },
      { url: 'https://a.example/€/\u{1F600}/"quoted"\\', depth: 2, linkedFrom: null },
      { url: 'https://a.example/short', depth: 3, linkedFrom: `https://a.example/${'y'.repeat(70_000)}` },
      entry(4),
      entry(5),
    ];
    for (const value of values) await frontier.push(value);
    for (const value of values) expect(await frontier.shift()).toEqual(value);
    await frontier.close();
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses maxInMemory %d', (maxInMemory) => {
    expect(() => new Frontier({ maxInMemory })).toThrow(TypeError);
  });

  it('holds a million entries in flat memory and gives them back in order', async () => {
    const count = 1_000_000;
    const maxInMemory = 1000;
    const frontier = new Frontier({ directory, maxInMemory });
    const before = heldBytes();
    let mostInMemory = 0;
    for (let n = 0; n < count; n++) {
      await frontier.push(entry(n));
      mostInMemory = Math.max(mostInMemory, frontier.inMemory);
    }
    const growth = heldBytes() - before;
    expect(frontier.size).toBe(count);
    expect(mostInMemory).toBeLessThanOrEqual(2 * maxInMemory);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    let outOfOrder = 0;
    for (let n = 0; n < count; n++) {
      const taken = await frontier.shift();
      if (taken?.url !== `https://a.example/p/${n}` || taken.depth !== n % 7) outOfOrder++;
      mostInMemory = Math.max(mostInMemory, frontier.inMemory);
    }
    expect(outOfOrder).toBe(0);
    expect(mostInMemory).toBeLessThanOrEqual(2 * maxInMemory);
    expect(await frontier.shift()).toBeUndefined();
    await frontier.close();
  }, 120_000);
});
