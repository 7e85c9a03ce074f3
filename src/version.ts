import { readFileSync } from 'node:fs';

// Read once from the package itself, so the version has one source of truth.
export const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
