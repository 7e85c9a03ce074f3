import { describe, expect, it } from 'vitest';
import { DoneUrls } from '../../src/input/done-urls.js';

describe('DoneUrls', () => {
  it('knows an index only together with its URL', () => {
    const done = new DoneUrls();
    done.add(0, 'https://a.example/');
    done.add(70_000, 'https://b.example/');
    done.add(2 ** 32 - 1, 'https://c.example/');
    expect(done.has(0, 'https://a.example/')).toBe(true);
    expect(done.has(0, 'https://b.example/')).toBe(false);
    expect(done.has(1, 'https://a.example/')).toBe(false);
    expect(done.has(70_000, 'https://b.example/')).toBe(true);
    expect(done.has(2 ** 32 - 1, 'https://c.example/')).toBe(true);
    expect(done.has(5_000_000, '')).toBe(false);
  });

  it('takes the URL of the later record for an index', () => {
    const done = new DoneUrls();
    done.add(7, 'https://a.example/');
    done.add(7, 'https://b.example/');
    expect(done.has(7, 'https://a.example/')).toBe(false);
    expect(done.has(7, 'https://b.example/')).toBe(true);
  });
});
