import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for the tests of one file, removed after them. */
export function useTempFolder(prefix: string): { path(name: string): string; write(name: string, content: string): string } {
  const folder = mkdtempSync(join(tmpdir(), `sitesize-${prefix}-`));
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });
  return {
    path: (name) => join(folder, name),
    write: (name, content) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** URLs as the lines of an input file. */
export function urlList(urls: readonly string[]): string {
  return urls.map((url) => `${url}\n`).join('');
}

export function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index);
}
