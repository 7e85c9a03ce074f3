// Pages that each exercise one discovery rule (srcset, picture, @import,
// @font-face, lazy loading, …), with assets of distinct sizes, written to a
// temporary folder for the browser comparison.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Bytes of a given length: the content does not matter to either client.
const blob = (size, seed) => Buffer.alloc(size, seed);

const assets = {
  'a.css': 'body { color: #222 } .hero { background: url(bg.png) } .unused { background: url(never.png) }',
  'import.css': '@import url(imported.css); p { margin: 0 }',
  'imported.css': 'h1 { background-image: url(h1.png) }',
  'fonts.css':
    '@font-face { font-family: Body; src: url(body.woff2) format("woff2"), url(body.woff) format("woff") } ' +
    '@font-face { font-family: Greek; src: url(greek.woff2) format("woff2"); unicode-range: U+0370-03FF } ' +
    'body { font-family: Body, sans-serif } .g { font-family: Greek }',
  'print.css': 'body { background: url(print.png) }',
  'app.js': 'console.log("app")',
  'module.js': 'export const x = 1;',
};
const sized = {
  'bg.png': 3000,
  'never.png': 3100,
  'h1.png': 3200,
  'print.png': 3300,
  'img.png': 4000,
  'img-1x.png': 4100,
  'img-2x.png': 8200,
  'w400.png': 5000,
  'w800.png': 9000,
  'w1600.png': 17000,
  'pic.webp': 6000,
  'pic.png': 6100,
  'lazy.png': 7000,
  'poster.png': 7100,
  'frame-img.png': 2500,
  'input.png': 2600,
};
// Fonts must be real for Chromium to keep the first source it can decode;
// Debian's fonts-font-awesome has one in both formats.
const fontDir = '/usr/share/fonts-font-awesome/fonts';
const fonts = {
  'body.woff2': 'fontawesome-webfont.woff2',
  'body.woff': 'fontawesome-webfont.woff',
  'greek.woff2': 'fontawesome-webfont.woff2',
};

const pages = {
  'stylesheet.html': '<link rel=stylesheet href=a.css><div class=hero>hero</div>',
  'import.html': '<link rel=stylesheet href=import.css><h1>title</h1><p>text</p>',
  'media-print.html': '<link rel=stylesheet href=print.css media=print><p>text</p>',
  'fonts.html': '<link rel=stylesheet href=fonts.css><p>plain latin text</p>',
  'fonts-greek.html': '<link rel=stylesheet href=fonts.css><p class=g>αβγ</p>',
  'scripts.html': '<script src=app.js></script><script type=module src=module.js></script><script nomodule src=never.js></script>',
  'img.html': '<img src=img.png alt="">',
  'srcset-x.html': '<img src=img-1x.png srcset="img-1x.png 1x, img-2x.png 2x" alt="">',
  'srcset-w.html': '<img src=w400.png srcset="w400.png 400w, w800.png 800w, w1600.png 1600w" sizes="100vw" alt="">',
  'srcset-sizes.html':
    '<img src=w400.png srcset="w400.png 400w, w800.png 800w, w1600.png 1600w" sizes="(min-width: 1000px) 50vw, 100vw" alt="">',
  'picture.html': '<picture><source type=image/webp srcset=pic.webp><img src=pic.png alt=""></picture>',
  'lazy.html': '<img src=lazy.png loading=lazy alt=""><p>below</p>',
  'poster.html': '<video poster=poster.png src=never.mp4></video>',
  'iframe.html': '<iframe src=frame.html></iframe>',
  'frame.html': '<img src=frame-img.png alt="">',
  'input-image.html': '<form><input type=image src=input.png alt=go></form>',
  'noscript.html': '<noscript><img src=never.png alt=""></noscript><p>text</p>',
  'base.html': '<base href=/sub/><img src=../img.png alt="">',
};

export function writeRulePages() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitesize-rules-'));
  for (const [name, text] of Object.entries(assets)) fs.writeFileSync(path.join(dir, name), text);
  let seed = 1;
  for (const [name, size] of Object.entries(sized)) fs.writeFileSync(path.join(dir, name), blob(size, seed++));
  const haveFonts = fs.existsSync(fontDir);
  if (haveFonts) for (const [name, file] of Object.entries(fonts)) fs.copyFileSync(path.join(fontDir, file), path.join(dir, name));
  fs.mkdirSync(path.join(dir, 'sub'));
  for (const [name, body] of Object.entries(pages)) {
    fs.writeFileSync(
      path.join(dir, name),
      `<!doctype html><html lang=en><head><meta charset=utf-8><title>${name}</title></head><body>${body}</body></html>`,
    );
  }
  const skipped = new Set(['frame.html', ...(haveFonts ? [] : ['fonts.html', 'fonts-greek.html'])]);
  return { dir, pages: Object.keys(pages).filter((name) => !skipped.has(name)) };
}
