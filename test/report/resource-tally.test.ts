import { describe, expect, it } from 'vitest';
import { ResourceTally } from '../../src/report/resource-tally.js';
import { sizedEntry } from '../helpers/report-records.js';

describe('ResourceTally', () => {
  it('lists the heaviest resources with the number of pages that used each', () => {
    const tally = new ResourceTally();
    for (let page = 0; page < 10; page++) {
      tally.add(sizedEntry(page, `https://a.example/page-${page}`, 'document', 200, 1000 + page));
      tally.add(sizedEntry(page, 'https://a.example/hero.jpg', 'image', 300, 90_000));
      if (page % 2 === 0) tally.add(sizedEntry(page, 'https://cdn.example/app.js', 'script', 250, 40_000));
    }
    const [hero, app, document] = tally.heaviest(3);
    expect(hero).toEqual({
      url: 'https://a.example/hero.jpg',
      type: 'image',
      status: 200,
      transferBytes: 90_300,
      bytes: 90_000,
      pages: 10,
    });
    expect(app).toMatchObject({ url: 'https://cdn.example/app.js', type: 'script', transferBytes: 40_250, pages: 5 });
    expect(document).toMatchObject({ url: 'https://a.example/page-9', transferBytes: 1209, pages: 1 });
    expect(tally.requests).toBe(25);
  });

  it('keeps exact page counts for the heaviest while holding only `capacity` resources', () => {
    const tally = new ResourceTally(4);
    // Many light one-off resources between the uses of two heavy shared ones.
    for (let page = 0; page < 1000; page++) {
      tally.add(sizedEntry(page, `https://a.example/light-${page}.png`, 'image', 100, page));
      tally.add(sizedEntry(page, 'https://a.example/big.woff2', 'font', 100, 50_000));
      if (page >= 500) tally.add(sizedEntry(page, 'https://a.example/video.mp4', 'media', 100, 80_000));
    }
    expect(tally.heaviest(2).map(({ url, pages }) => [url, pages])).toEqual([
      ['https://a.example/video.mp4', 500],
      ['https://a.example/big.woff2', 1000],
    ]);
    expect(tally.heaviest(10)).toHaveLength(4);
  });

  it('counts a failed request but lists only what had a response', () => {
    const tally = new ResourceTally();
    tally.add({
      ...sizedEntry(0, 'https://a.example/gone.css', 'stylesheet', 0, 0),
      headerBytes: null,
      encodedBytes: null,
      status: null,
    });
    expect(tally.heaviest(5)).toEqual([]);
    expect(tally.requests).toBe(1);
  });
});
