import { describe, expect, it } from 'vitest';
import type { RequestEntry } from '../../src/index.js';
import { collect } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';
import { startSite, typed } from '../helpers/raw-site.js';

const serve = useServers();

describe('onRequest without --page', () => {
  it('tells each fetched URL’s request once, the one after its redirects, with what was sent and received', async () => {
    const site = await startSite(serve, {
      '/a': typed('text/plain', 'hello'),
      '/moved': { status: 301, reason: 'Moved Permanently', headers: [['Location', '/a']], body: '' },
    });
    const refused = await closedPort();
    const entries: RequestEntry[] = [];
    const urls = [`${site.origin}/a`, `${site.origin}/moved`, `http://127.0.0.1:${refused}/`, 'ftp://nope/'];
    const records = await collect(urls, { onRequest: (entry) => entries.push(entry), headers: { 'x-test': 'yes' } });
    expect(records).toHaveLength(4);
    entries.sort((a, b) => a.index - b.index);
    expect(entries.map((entry) => [entry.index, entry.url, entry.resourceType, entry.fromCache])).toEqual([
      [0, `${site.origin}/a`, 'document', false],
      [1, `${site.origin}/a`, 'document', false],
      [2, `http://127.0.0.1:${refused}/`, 'document', false],
    ]);
    const [first, redirected, failed] = entries;
    expect(first).toMatchObject({
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      headerBytes: site.headerBytes('/a'),
      encodedBytes: 5,
      bytes: 5,
      contentType: 'text/plain',
      redirectUrl: null,
      error: null,
    });
    expect(first?.requestHeaders).toContainEqual(['x-test', 'yes']);
    expect(first?.requestHeaders[0]).toEqual(['host', site.origin.slice('http://'.length)]);
    expect(first?.responseHeaders).toEqual([
      ['Content-Type', 'text/plain'],
      ['Content-Length', '5'],
    ]);
    expect(typeof first?.startedAt).toBe('number');
    expect(redirected?.headerBytes).toBe(site.headerBytes('/a'));
    expect(failed).toMatchObject({ status: null, headerBytes: null, error: { code: 'CONNECT_REFUSED' } });
  });
});
