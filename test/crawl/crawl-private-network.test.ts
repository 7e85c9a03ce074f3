import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namespaceUnavailable, publicAddress, runInNamespace } from '../helpers/namespace.js';

const script = fileURLToPath(new URL('../fixtures/crawl-in-namespace.mjs', import.meta.url));

interface Outcome {
  records: { url: string; index: number; status: number | null; error: string | null; depth: number }[];
  secretRequests: string[];
  siteRequests: string[];
}

const title =
  namespaceUnavailable === undefined
    ? 'a crawl in a network namespace'
    : `a crawl in a network namespace (skipped: ${namespaceUnavailable})`;
if (namespaceUnavailable !== undefined) console.warn(`Skipped the crawl's network-namespace test: ${namespaceUnavailable}`);

// A site on a public address (the namespace's loopback) links to a server on
// 127.0.0.1 that the scope takes in, directly, through a redirect and in its sitemap.
describe.skipIf(namespaceUnavailable !== undefined)(title, () => {
  it('gives links and sitemap entries into loopback BLOCKED records of their own, and sends nothing there, not even for robots.txt', async () => {
    const result = await runInNamespace(script, [publicAddress]);
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as Outcome;
    const byPath = Object.fromEntries(outcome.records.map((record) => [new URL(record.url).pathname, record]));
    expect(outcome.records.map((record) => record.index)).toEqual([0, 1, 2, 3, 4]);
    expect(byPath['/']).toMatchObject({ status: 200, error: null, depth: 0 });
    expect(byPath['/about']).toMatchObject({ status: 200, error: null, depth: 1 });
    expect(byPath['/admin']).toMatchObject({ status: null, error: 'BLOCKED', depth: 1 });
    expect(byPath['/go']).toMatchObject({ status: null, error: 'BLOCKED', depth: 1 });
    expect(byPath['/from-sitemap']).toMatchObject({ status: null, error: 'BLOCKED', depth: 1 });
    expect(outcome.secretRequests).toEqual([]);
    expect(outcome.siteRequests).toEqual(['/', '/about', '/go', '/robots.txt', '/sitemap.xml']);
  });
});
