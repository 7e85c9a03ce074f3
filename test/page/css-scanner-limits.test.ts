import { describe, expect, it } from 'vitest';
import { maxStylesheetLength, scanStylesheet } from '../../src/page/css-scanner.js';
import { StylesheetText } from '../../src/page/css-text-buffer.js';
import { devices } from '../../src/page/media-query.js';

const options = { baseUrl: 'https://example.com/', device: devices.mobile };

function rule(i: number): string {
  return `.c${i} > a:not(.x), .d${i}::before { background: url(img/${i}.png) no-repeat; font: 12px/1.5 "F${i % 7}", serif }\n`;
}

describe('scanStylesheet on a 20 MB stylesheet', () => {
  it('keeps 2 Mi characters while streaming, and scans them within bounded time and memory', () => {
    const buffer = new StylesheetText();
    const ruleCount = 200_000;
    let total = 0;
    for (let i = 0; i < ruleCount; i++) {
      const text = rule(i);
      total += text.length;
      buffer.push(text);
    }
    expect(total).toBeGreaterThan(20_000_000);
    const text = buffer.text();
    expect(text.length).toBe(maxStylesheetLength);
    expect(buffer.truncated).toBe(true);

    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const scan = scanStylesheet(text, options);
    // Generous bounds for a loaded machine: the point is that the work stops at the cap.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);

    const urls = new Set(scan.images.map((image) => image.url));
    expect(urls.has('https://example.com/img/0.png')).toBe(true);
    expect(urls.has(`https://example.com/img/${ruleCount - 1}.png`)).toBe(false);
    // The text is cut after the last whole rule, so no URL is cut short.
    const last = Math.max(...[...urls].map((url) => Number(url.slice('https://example.com/img/'.length, -'.png'.length))));
    expect(urls.size).toBe(last + 1);
  }, 60_000);

  it('cuts a longer text itself at the last } before the cap', () => {
    const head = `p { background: url(kept.png) }`;
    const css = head + ' '.repeat(maxStylesheetLength - head.length - 10) + 'a { background: url(cut-short.png) }';
    expect(scanStylesheet(css, options).images.map((image) => image.url)).toEqual(['https://example.com/kept.png']);
  });
});
