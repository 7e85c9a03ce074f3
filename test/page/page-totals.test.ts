import { describe, expect, it } from 'vitest';
import type { PageWeight, RequestEntry, ResourceType } from '../../src/index.js';
import { measureOne } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';
import { html, loopbackLookup, startSite, typed, type Site } from '../helpers/raw-site.js';

const serve = useServers();

const mainCss = [
  '@import "/b.css";',
  'body { background: url(/bg.png) }',
  '@font-face { font-family: F; src: url(/f.woff2) format("woff2"), url(/f.woff) format("woff") }',
  'h1 { font-family: F, sans-serif }',
  '.missing { background: url(/unused.png) }',
  'a:hover { background: url(/hover.png) }',
  '@media (min-width: 2000px) { body { background: url(/huge.png) } }',
].join('\n');

const documentHtml = `<!doctype html><html><head>
<link rel="stylesheet" href="/a.css"><script src="/app.js"></script>
<style>.x { background: url(/x.png) }</style>
<link rel="icon" href="/favicon.ico"><link rel="prefetch" href="/next.html"><link rel="manifest" href="/app.webmanifest">
</head><body><h1>Title</h1><p class="x">text</p><div style="background: url(/inline.png)"></div>
<img src="/i.png#fragment"><img src="i.png"><img loading="lazy" src="/lazy.png"><img data-src="/lazy2.png">
<video src="/v.mp4"></video><a href="/other.html">a link</a>
<img src="data:image/png;base64,AAAA"><script src="javascript:void(0)"></script><img src="http://[::1">
<noscript><img src="/noscript.png"></noscript><template><img src="/template.png"></template>
<iframe src="/frame.html"></iframe></body></html>`;

// What the page above makes a browser fetch, by path, with the type it counts under.
const fetched: Record<string, ResourceType> = {
  '/': 'document',
  '/frame.html': 'document',
  '/a.css': 'stylesheet',
  '/b.css': 'stylesheet',
  '/app.js': 'script',
  '/bg.png': 'image',
  '/p.png': 'image',
  '/x.png': 'image',
  '/inline.png': 'image',
  '/i.png': 'image',
  '/fi.png': 'image',
  '/f.woff2': 'font',
};

async function startTestSite(): Promise<Site> {
  return startSite(serve, {
    '/': html(documentHtml),
    '/a.css': typed('text/css', mainCss),
    '/b.css': typed('text/css; charset=utf-8', 'p { background-image: url(/p.png) }'),
    '/app.js': typed('text/javascript', 'console.log("app")'),
    '/frame.html': html('<html><body><img src="/fi.png"><iframe src="/nested.html"></iframe></body></html>'),
    '/bg.png': typed('image/png', 'PNG-bg'),
    '/p.png': typed('image/png', 'PNG-p-image'),
    '/x.png': typed('image/png', 'PNG-x'),
    '/inline.png': typed('image/png', 'PNG-inline-style'),
    '/i.png': typed('image/png', 'PNG-i-0123456789'),
    '/fi.png': typed('image/png', 'PNG-in-the-frame'),
    '/f.woff2': typed('font/woff2', 'wOF2-font-bytes'),
  });
}

function expectedWeight(
  site: Site,
  paths: Record<string, ResourceType>,
): Omit<PageWeight, 'deferred' | 'failed' | 'errors' | 'incomplete'> {
  const types: PageWeight['types'] = {
    document: { requests: 0, transferBytes: 0, bytes: 0 },
    stylesheet: { requests: 0, transferBytes: 0, bytes: 0 },
    script: { requests: 0, transferBytes: 0, bytes: 0 },
    image: { requests: 0, transferBytes: 0, bytes: 0 },
    font: { requests: 0, transferBytes: 0, bytes: 0 },
    media: { requests: 0, transferBytes: 0, bytes: 0 },
    other: { requests: 0, transferBytes: 0, bytes: 0 },
  };
  let transferBytes = 0;
  let bytes = 0;
  for (const [path, type] of Object.entries(paths)) {
    types[type].requests += 1;
    types[type].transferBytes += site.transfer(path);
    types[type].bytes += site.bodyBytes(path);
    transferBytes += site.transfer(path);
    bytes += site.bodyBytes(path);
  }
  const requests = Object.keys(paths).length;
  return { requests, transferBytes, encodedBytes: bytes, bytes, types, thirdParty: { requests: 0, transferBytes: 0 } };
}

describe('page totals', () => {
  it('fetches what a browser fetches, each once, and adds up every byte', async () => {
    const site = await startTestSite();
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.error).toBeNull();
    expect(record.status).toBe(200);
    expect(record.bytes).toBe(site.bodyBytes('/'));
    expect(record.page).toEqual({ ...expectedWeight(site, fetched), deferred: 3, failed: 0, errors: {}, incomplete: false });
    expect(Object.keys(record.page ?? {})).toEqual([
      'requests',
      'transferBytes',
      'encodedBytes',
      'bytes',
      'types',
      'thirdParty',
      'deferred',
      'failed',
      'errors',
      'incomplete',
    ]);
    for (const path of Object.keys(fetched)) expect(site.hits(path), path).toBe(1);
    expect(site.requests).toHaveLength(Object.keys(fetched).length);
  });

  it('starts fetching subresources while the document still streams', async () => {
    let finishDocument: (() => void) | undefined;
    const server = await serve.raw(
      (socket) => {
        socket.on('data', (data: Buffer) => {
          const path = data.toString('latin1').split(' ')[1];
          if (path === '/') {
            socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n');
            socket.write('19\r\n<img src="/early.png"><p>\r\n');
            finishDocument = () => socket.write('5\r\nmore.\r\n0\r\n\r\n');
          } else {
            socket.write('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nPNG');
            finishDocument?.();
          }
        });
      },
      { waitForRequest: false },
    );
    // The document ends only once the image is asked for: a scan that waited for its end would time out.
    const record = await measureOne(`${server.origin}/`, { page: true, timeout: 5 });
    expect(record.error).toBeNull();
    expect(record.bytes).toBe(30);
    expect(record.page?.requests).toBe(2);
  });

  it('asks for each resource with the Accept header of its destination', async () => {
    const site = await startTestSite();
    await measureOne(`${site.origin}/`, { page: true });
    const accept = (path: string): string | undefined => site.requests.find((request) => request.path === path)?.headers.accept;
    expect(accept('/a.css')).toBe('text/css,*/*;q=0.1');
    expect(accept('/i.png')).toBe('image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8');
    expect(accept('/bg.png')).toBe('image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8');
    expect(accept('/app.js')).toBe('*/*');
    expect(accept('/f.woff2')).toBe('*/*');
    expect(accept('/')).toMatch(/^text\/html,application\/xhtml\+xml/);
    expect(accept('/frame.html')).toMatch(/^text\/html,application\/xhtml\+xml/);
  });

  it('chooses srcset candidates and @media rules for the device', async () => {
    const page = `<html><head><style>@media (min-width: 800px) { body { background: url(/wide-bg.png) } }</style></head><body>
      <picture><source media="(min-width: 800px)" srcset="/wide.png"><img src="/narrow.png"></picture></body></html>`;
    const site = await startSite(serve, { '/': html(page) });
    await measureOne(`${site.origin}/`, { page: true, device: 'mobile' });
    expect(site.requests.map((request) => request.path).sort()).toEqual(['/', '/narrow.png']);
    await measureOne(`${site.origin}/`, { page: true, device: 'desktop' });
    expect(
      site.requests
        .slice(2)
        .map((request) => request.path)
        .sort(),
    ).toEqual(['/', '/wide-bg.png', '/wide.png']);
  });

  it('counts each redirect hop as a request of type other, with its header and body bytes', async () => {
    const moved = (location: string) => ({
      status: 302,
      reason: 'Found',
      headers: [['Location', location]] as [string, string][],
      body: 'moved',
    });
    const site = await startSite(serve, {
      '/start': { ...moved('/'), status: 301, reason: 'Moved Permanently' },
      '/': html('<img src="/r.png">'),
      '/r.png': moved('/real.png'),
      '/real.png': typed('image/png', 'PNG-real'),
    });
    const entries: RequestEntry[] = [];
    const record = await measureOne(`${site.origin}/start`, { page: true, onRequest: (entry) => entries.push(entry) });
    expect(record.redirects).toBe(1);
    expect(record.finalUrl).toBe(`${site.origin}/`);
    const page = record.page as PageWeight;
    expect(page.requests).toBe(4);
    expect(page.transferBytes).toBe(site.transfer('/start', '/', '/r.png', '/real.png'));
    expect(page.types.other).toEqual({ requests: 2, transferBytes: site.transfer('/start', '/r.png'), bytes: 10 });
    expect(page.types.image).toEqual({ requests: 1, transferBytes: site.transfer('/real.png'), bytes: site.bodyBytes('/real.png') });
    expect(page.types.document).toEqual({ requests: 1, transferBytes: site.transfer('/'), bytes: site.bodyBytes('/') });
    const hop = entries.find((entry) => entry.url === `${site.origin}/r.png`);
    expect(hop).toMatchObject({
      index: 0,
      resourceType: 'other',
      fromCache: false,
      status: 302,
      statusText: 'Found',
      httpVersion: '1.1',
      headerBytes: site.headerBytes('/r.png'),
      encodedBytes: 5,
      redirectUrl: `${site.origin}/real.png`,
      error: null,
    });
    expect(hop?.responseHeaders).toContainEqual(['Location', '/real.png']);
    expect(hop?.requestHeaders).toContainEqual(['accept', 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8']);
    expect(entries.map((entry) => [entry.url.slice(site.origin.length), entry.resourceType]).sort()).toEqual([
      ['/', 'document'],
      ['/r.png', 'other'],
      ['/real.png', 'image'],
      ['/start', 'other'],
    ]);
    const image = entries.find((entry) => entry.url.endsWith('/real.png'));
    expect(image).toMatchObject({
      status: 200,
      headerBytes: site.headerBytes('/real.png'),
      encodedBytes: 8,
      bytes: 8,
      contentType: 'image/png',
    });
  });

  it('counts failed subresources by code, a 404 as a response, and still ends the page', async () => {
    const refused = await closedPort();
    const site = await startSite(serve, {
      '/': html(`<img src="http://127.0.0.1:${refused}/x.png"><img src="/missing.png"><script src="/hangs.js"></script>`),
      '/hangs.js': { hang: true, headers: [['Content-Type', 'text/javascript']] },
    });
    const record = await measureOne(`${site.origin}/`, { page: true, timeout: 1 });
    expect(record.error).toBeNull();
    const page = record.page as PageWeight;
    expect(page.failed).toBe(2);
    expect(page.errors).toEqual({ CONNECT_REFUSED: 1, TIMEOUT: 1 });
    expect(page.requests).toBe(4);
    expect(page.types.image).toEqual({ requests: 2, transferBytes: site.transfer('/missing.png'), bytes: site.bodyBytes('/missing.png') });
    expect(page.types.script.requests).toBe(1);
    expect(page.types.script.transferBytes).toBe(site.headerBytes('/hangs.js') - 'Content-Length: 0\r\n'.length);
  });

  it('applies a stylesheet that the page and its iframe share to the iframe’s document too', async () => {
    const site = await startSite(serve, {
      '/': html('<link rel="stylesheet" href="/site.css"><p>top</p><iframe src="/f.html"></iframe>'),
      '/f.html': html('<link rel="stylesheet" href="/site.css"><div class="in-frame deep-in-frame">frame</div>'),
      '/site.css': typed('text/css', '@import "/more.css"; .in-frame { background: url(/frame-bg.png) }'),
      '/more.css': typed('text/css', '.deep-in-frame { background: url(/frame-bg2.png) }'),
    });
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(site.hits('/frame-bg.png')).toBe(1);
    expect(site.hits('/frame-bg2.png')).toBe(1);
    expect(site.hits('/site.css')).toBe(1);
    expect(record.page?.requests).toBe(6);
  });

  it('weighs an error page with its subresources, but not the body of a redirect', async () => {
    const site = await startSite(serve, {
      '/gone': { ...html('<img src="/sorry.png">'), status: 404, reason: 'Not Found' },
      '/moved': {
        ...html('<img src="/never.png">'),
        status: 302,
        reason: 'Found',
        headers: [
          ['Location', '/gone'],
          ['Content-Type', 'text/html'],
        ],
      },
      '/sorry.png': typed('image/png', 'sorry'),
    });
    const gone = await measureOne(`${site.origin}/gone`, { page: true });
    expect(gone.status).toBe(404);
    expect(gone.page?.requests).toBe(2);
    const moved = await measureOne(`${site.origin}/moved`, { page: true, follow: false });
    expect(moved.status).toBe(302);
    expect(moved.page?.requests).toBe(1);
    expect(site.hits('/never.png')).toBe(0);
  });

  it('gives a page whose document fails its error and what was had', async () => {
    const refused = await closedPort();
    const record = await measureOne(`http://127.0.0.1:${refused}/`, { page: true });
    expect(record.error?.code).toBe('CONNECT_REFUSED');
    expect(record.page).toMatchObject({ requests: 1, transferBytes: 0, failed: 0, errors: {}, incomplete: false });
  });

  it('counts requests to another registrable domain as third-party', async () => {
    const served = {
      '/own.png': typed('image/png', 'own'),
      '/c.png': typed('image/png', 'same site'),
      '/t.js': typed('text/javascript', 'tracker()'),
    };
    const site = await startSite(serve, served);
    const port = site.port;
    const page = `<img src="/own.png"><img src="http://cdn.site.test:${port}/c.png"><script src="http://tracker.test:${port}/t.js"></script>`;
    Object.assign(served, { '/': html(page) });
    const record = await measureOne(`http://www.site.test:${port}/`, { page: true, lookup: loopbackLookup });
    expect(record.page?.requests).toBe(4);
    expect(record.page?.thirdParty).toEqual({ requests: 1, transferBytes: site.transfer('/t.js') });
  });
});
