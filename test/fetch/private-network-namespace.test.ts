import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { namespaceUnavailable, publicAddress, runInNamespace } from '../helpers/namespace.js';

const script = fileURLToPath(new URL('../fixtures/page-in-namespace.mjs', import.meta.url));
const pageScript = fileURLToPath(new URL('../fixtures/page-weight-in-namespace.mjs', import.meta.url));

interface PageOutcome {
  record: { error: unknown; page: { failed: number; errors: Record<string, number> } };
  secretRequests: string[];
  pageRequests: string[];
}

interface Fetched {
  url: string;
  status: number | null;
  error: string | null;
  addressSpace: string | null;
}

interface Outcome {
  document: Fetched;
  subresources: Fetched[];
  byUser: Fetched;
  allowed: Fetched;
  lookups: number;
  secretRequests: string[];
  pageRequests: string[];
}

const title = namespaceUnavailable === undefined ? 'in a network namespace' : `in a network namespace (skipped: ${namespaceUnavailable})`;
// The default reporter names no skipped test: say it where every run shows it.
if (namespaceUnavailable !== undefined) console.warn(`Skipped the network-namespace tests: ${namespaceUnavailable}`);

// A page on a public address (on the namespace's loopback) names URLs on
// 127.0.0.1, and a name that rebinds from the public address to 127.0.0.1.
describe.skipIf(namespaceUnavailable !== undefined)(title, () => {
  it('a public page cannot lead to loopback, directly, by a redirect or by rebinding; the user can', async () => {
    const result = await runInNamespace(script, [publicAddress]);
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as Outcome;
    const origin = (host: string): string => `http://${host}:${new URL(outcome.document.url).port}`;
    expect(outcome.document).toMatchObject({ status: 200, error: null, addressSpace: 'public' });
    expect(outcome.subresources.map(({ url, status, error }) => [url, status, error])).toEqual([
      [`${origin('127.0.0.1')}/style.css`, null, 'BLOCKED'],
      [`${origin(publicAddress)}/redirect`, null, 'BLOCKED'],
      [`${origin('rebind.sitesize.test')}/first.png`, 200, null],
      [`${origin('rebind.sitesize.test')}/second.png`, null, 'BLOCKED'],
      [`${origin(publicAddress)}/own.png`, 200, null],
    ]);
    expect(outcome.lookups).toBe(2);
    expect(outcome.byUser).toMatchObject({ status: 200, error: null, addressSpace: 'local' });
    expect(outcome.allowed).toMatchObject({ status: 200, error: null });
    // Only the user's request and the one allowPrivate let through reached loopback.
    expect(outcome.secretRequests).toEqual(['/style.css', '/style.css']);
    expect(outcome.pageRequests).toEqual(['/', '/redirect', '/first.png', '/own.png']);
  });

  it('page mode counts the loopback subresources and iframe of a public page as BLOCKED, and sends them nothing', async () => {
    const result = await runInNamespace(pageScript, [publicAddress]);
    expect(result.code, result.stderr).toBe(0);
    const outcome = JSON.parse(result.stdout) as PageOutcome;
    expect(outcome.record.error).toBeNull();
    expect(outcome.record.page).toMatchObject({ failed: 3, errors: { BLOCKED: 3 } });
    expect(outcome.secretRequests).toEqual([]);
    expect(outcome.pageRequests.sort()).toEqual(['/', '/own.png']);
  });
});
