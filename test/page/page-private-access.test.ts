import { describe, expect, it } from 'vitest';
import { measureOne } from '../helpers/run.js';
import { useServers } from '../helpers/servers.js';
import { html, startSite, typed, type Served } from '../helpers/raw-site.js';

const serve = useServers();

// Through a proxy a page named by host name counts as public (its address is unknown), so
// what it names on an IP literal of loopback is refused before anything is sent.
describe('what a page names, through a proxy', () => {
  it('counts a loopback subresource of a public page as BLOCKED, and fetches it with allowPrivate', async () => {
    const served: Record<string, Served> = { '/named.png': typed('image/png', 'named'), '/secret.png': typed('image/png', 'secret') };
    const site = await startSite(serve, served);
    served['/'] = html(`<img src="http://127.0.0.1:${site.port}/secret.png"><img src="http://localhost:${site.port}/named.png">`);
    const proxy = await serve.proxy();
    const url = `http://localhost:${site.port}/`;
    const blocked = await measureOne(url, { page: true, proxy: proxy.origin });
    expect(blocked.error).toBeNull();
    expect(blocked.page).toMatchObject({ requests: 3, failed: 1, errors: { BLOCKED: 1 } });
    expect(site.hits('/secret.png')).toBe(0);
    expect(site.hits('/named.png')).toBe(1);
    const allowed = await measureOne(url, { page: true, proxy: proxy.origin, allowPrivate: true, assetCache: false });
    expect(allowed.page).toMatchObject({ requests: 3, failed: 0, errors: {} });
    expect(site.hits('/secret.png')).toBe(1);
  });
});
