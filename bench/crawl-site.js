// W10's site: pages in a binary tree (page i links to 2i+1 and 2i+2), each
// also linking back to its parent and to the first page, so a crawler meets
// duplicates and cycles as on a real site, and the frontier grows to half
// the site before it shrinks.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function writeCrawlSite(data, dir, pages) {
  const root = path.join(data, dir);
  await fs.mkdir(root, { recursive: true });
  const filler = `<p>${'Text of the page. '.repeat(40)}</p>`;
  for (let start = 0; start < pages; start += 1000) {
    const writes = [];
    for (let i = start; i < Math.min(start + 1000, pages); i++) {
      const links = [2 * i + 1, 2 * i + 2, Math.floor((i - 1) / 2), 0].filter((j) => j >= 0 && j < pages);
      const anchors = links.map((j) => `<a href="p${j}.html">page ${j}</a>`).join(' ');
      const html = `<!doctype html><html><head><title>Page ${i}</title></head><body>${filler}${anchors}</body></html>`;
      writes.push(fs.writeFile(path.join(root, `p${i}.html`), html));
    }
    await Promise.all(writes);
  }
}
