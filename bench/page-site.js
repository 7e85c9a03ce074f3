// W9's site: pages that each use the same shared stylesheets, scripts, images
// and fonts and a few of their own, as the pages of one real site do.
import fs from 'node:fs/promises';
import path from 'node:path';
import { Buffer } from 'node:buffer';

export const sharedPerPage = { stylesheet: 4, script: 6, image: 18, font: 2 };
export const uniquePerPage = 10;

const bytes = (size, seed) => Buffer.alloc(size, seed % 251);

// Writes data/w9/: p<i>.html, s/<shared files>, u/<i>-<j>.png. Fonts are
// declared in the first stylesheet and used by it, so every tool that follows
// CSS fetches them. Returns what one page costs in requests.
export async function writePageSite(data, pages) {
  const root = path.join(data, 'w9');
  await fs.mkdir(path.join(root, 's'), { recursive: true });
  await fs.mkdir(path.join(root, 'u'), { recursive: true });
  const fonts = Array.from({ length: sharedPerPage.font }, (_, i) => `s/font${i}.woff2`);
  const faces = fonts.map((font, i) => `@font-face{font-family:F${i};src:url(/w9/${font}) format("woff2")}`).join('');
  const uses = fonts.map((_, i) => `.f${i}{font-family:F${i}}`).join('');
  const sheets = Array.from({ length: sharedPerPage.stylesheet }, (_, i) => `s/style${i}.css`);
  await fs.writeFile(path.join(root, sheets[0]), `${faces}${uses}body{margin:0}`);
  for (const sheet of sheets.slice(1)) await fs.writeFile(path.join(root, sheet), `.x{color:red}${'p{margin:1px}'.repeat(200)}`);
  for (const [i, font] of fonts.entries()) await fs.writeFile(path.join(root, font), bytes(20_000, i));
  const scripts = Array.from({ length: sharedPerPage.script }, (_, i) => `s/app${i}.js`);
  for (const [i, script] of scripts.entries()) await fs.writeFile(path.join(root, script), `var a${i}=${'1+'.repeat(2000)}1;`);
  const images = Array.from({ length: sharedPerPage.image }, (_, i) => `s/img${i}.png`);
  for (const [i, image] of images.entries()) await fs.writeFile(path.join(root, image), bytes(4_000 + i * 100, i));
  for (let page = 0; page < pages; page++) {
    const unique = Array.from({ length: uniquePerPage }, (_, j) => `u/${page}-${j}.png`);
    for (const [j, image] of unique.entries()) await fs.writeFile(path.join(root, image), bytes(2_000 + j * 50, page + j));
    const head = [
      ...sheets.map((sheet) => `<link rel="stylesheet" href="/w9/${sheet}">`),
      ...scripts.map((src) => `<script src="/w9/${src}"></script>`),
    ];
    const body = [...images, ...unique].map((src) => `<img src="/w9/${src}" alt="">`);
    const text = `<p class="f0 f1">${'Page text. '.repeat(300)}</p>`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${page}</title>${head.join('')}</head><body>${text}${body.join('')}</body></html>`;
    await fs.writeFile(path.join(root, `p${page}.html`), html);
  }
  const shared = Object.values(sharedPerPage).reduce((sum, count) => sum + count, 0);
  return { shared, perPage: 1 + shared + uniquePerPage };
}
