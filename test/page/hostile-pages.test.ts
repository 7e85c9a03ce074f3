import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { PageWeight } from '../../src/index.js';
import { measureOne } from '../helpers/run.js';
import { closedPort, useServers } from '../helpers/servers.js';
import { html, startSite, typed } from '../helpers/raw-site.js';

const serve = useServers();

function* imgTags(totalBytes: number): Iterable<Buffer> {
  const chunkTags = 2000;
  let written = 0;
  for (let chunk = 0; written < totalBytes; chunk++) {
    let text = '';
    for (let tag = 0; tag < chunkTags; tag++) text += `<img src="/img/${chunk}-${tag}.png">`;
    const bytes = Buffer.from(text);
    written += bytes.length;
    yield bytes;
  }
}

describe('hostile pages', () => {
  it('stops at --max-resources on 50 MB of <img> tags and says the page is incomplete', async () => {
    const site = await startSite(serve, {
      '/': { headers: [['Content-Type', 'text/html']], stream: () => imgTags(50 * 1024 * 1024) },
    });
    const record = await measureOne(`${site.origin}/`, { page: true, maxResources: 20 });
    expect(record.error).toBeNull();
    expect(record.bytes).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(record.page?.incomplete).toBe(true);
    expect(record.page?.requests).toBe(21);
    expect(site.requests).toHaveLength(21);
  }, 60_000);

  it('fetches each stylesheet of an @import cycle once', async () => {
    const site = await startSite(serve, {
      '/': html('<link rel="stylesheet" href="/a.css"><p>x</p>'),
      '/a.css': typed('text/css', '@import "/b.css"; p { color: red }'),
      '/b.css': typed('text/css', '@import "/a.css"; @import "/b.css"; @import "/c.css";'),
      '/c.css': typed('text/css', '@import url(/a.css);'),
    });
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.page?.types.stylesheet.requests).toBe(3);
    expect(site.requests).toHaveLength(4);
  });

  it('guards a deep @import chain', async () => {
    const served: Record<string, ReturnType<typeof typed>> = { '/': html('<link rel="stylesheet" href="/s0.css">') };
    for (let depth = 0; depth < 40; depth++) served[`/s${depth}.css`] = typed('text/css', `@import "/s${depth + 1}.css";`);
    const site = await startSite(serve, served);
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.page?.types.stylesheet.requests).toBe(17);
    expect(site.requests).toHaveLength(18);
  });

  it('scans only the start of a 20 MB stylesheet and counts all of it', async () => {
    const rule = '.a { color: red }\n';
    const sheet = Buffer.from(`body { background: url(/first.png) }\n${rule.repeat(Math.ceil((20 * 1024 * 1024) / rule.length))}`);
    const site = await startSite(serve, {
      '/': html('<link rel="stylesheet" href="/big.css"><div class="a">a</div>'),
      '/big.css': typed('text/css', sheet),
    });
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.page?.types.stylesheet.bytes).toBe(sheet.length);
    expect(site.hits('/first.png')).toBe(1);
  }, 60_000);

  it('stops a gzip bomb of a stylesheet at --max-size', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    const site = await startSite(serve, {
      '/': html('<link rel="stylesheet" href="/bomb.css">'),
      '/bomb.css': {
        headers: [
          ['Content-Type', 'text/css'],
          ['Content-Encoding', 'gzip'],
        ],
        body: bomb,
      },
    });
    const record = await measureOne(`${site.origin}/`, { page: true, maxSize: 1024 * 1024 });
    const page = record.page as PageWeight;
    expect(page.types.stylesheet.bytes).toBe(1024 * 1024);
    expect(page.failed).toBe(0);
  }, 30_000);

  it('does not fetch a page again when it references itself', async () => {
    const site = await startSite(serve, {
      '/': html('<img src="/"><iframe src="/"></iframe><img src="./"><link rel="stylesheet" href="/#x">'),
    });
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.page?.requests).toBe(1);
    expect(site.requests).toHaveLength(1);
  });

  it('survives deeply nested, broken and garbage markup', async () => {
    const nested = `${'<div><span>'.repeat(1000)}<img src="/deep.png">${'<div>'.repeat(100_000)}<img src="/deeper.png">`;
    const broken = '<img src="/a.png" <div <<>> </p></p><script src="/s.js"<img src=/b.png><style>p{background:url(/c.png';
    const garbage = '<img src="http://[::1"><img src="https://exa mple.com/"><script src="http://"></script><img src="//">';
    const schemes =
      '<img src="javascript:alert(1)"><img src="data:image/png;base64,AAAA"><script src="blob:x"></script><img src="ftp://h/x">';
    const site = await startSite(serve, {
      '/nested': html(nested),
      '/broken': html(broken),
      '/garbage': html(garbage + schemes),
    });
    const nestedRecord = await measureOne(`${site.origin}/nested`, { page: true });
    expect(site.hits('/deep.png')).toBe(1);
    // Past 25 000 open elements the rest is not scanned: the page says it is incomplete.
    expect(nestedRecord.page).toMatchObject({ requests: 2, incomplete: true });
    const brokenRecord = await measureOne(`${site.origin}/broken`, { page: true });
    expect(brokenRecord.error).toBeNull();
    expect(site.hits('/a.png')).toBe(1);
    const garbageRecord = await measureOne(`${site.origin}/garbage`, { page: true });
    expect(garbageRecord.error).toBeNull();
    expect(garbageRecord.page).toMatchObject({ requests: 1, failed: 0, errors: {} });
    expect(site.requests.filter((request) => request.path.startsWith('/garbage'))).toHaveLength(1);
  }, 30_000);

  it('decodes a page that is not UTF-8 before reading its URLs', async () => {
    const page = Buffer.concat([
      Buffer.from('<img src="/caf'),
      Buffer.from([0xe9]),
      Buffer.from('.png"><p>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</p>'),
    ]);
    const site = await startSite(serve, { '/': { headers: [['Content-Type', 'text/html; charset=windows-1252']], body: page } });
    const record = await measureOne(`${site.origin}/`, { page: true });
    expect(record.page?.requests).toBe(2);
    expect(site.hits('/caf%C3%A9.png')).toBe(1);
  });

  it('ends a page whose subresource hangs, at that resource’s --timeout, and one on a refused port', async () => {
    const refused = await closedPort();
    const site = await startSite(serve, {
      '/': html(`<link rel="stylesheet" href="/hang.css"><img src="http://127.0.0.1:${refused}/r.png">`),
      '/hang.css': { hang: true, headers: [['Content-Type', 'text/css']] },
    });
    const record = await measureOne(`${site.origin}/`, { page: true, timeout: 1 });
    expect(record.error).toBeNull();
    expect(record.page?.errors).toEqual({ TIMEOUT: 1, CONNECT_REFUSED: 1 });
  });
});
