import type http from 'node:http';
import type { Handler } from './servers.js';

/** One resource of a test site: its body, Content-Type and status. */
export interface SitePage {
  body: string | Buffer;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
}

/** An HTML page whose body holds `<a href>` links to `hrefs`, and its exact byte length is known. */
export function htmlPage(hrefs: readonly string[], extra = ''): SitePage {
  const links = hrefs.map((href) => `<a href="${href}">${href}</a>`).join('\n');
  return {
    body: `<!doctype html><html><head><title>t</title></head><body>${links}${extra}</body></html>`,
    type: 'text/html; charset=utf-8',
  };
}

/**
 * A handler that serves a fixed site: `pages` by path and query; anything else
 * is a 404 page of its own (so that broken links have a size too).
 */
export function siteHandler(pages: Record<string, SitePage | ((request: http.IncomingMessage) => SitePage)>): Handler {
  return (request, response) => {
    const entry = pages[request.url ?? '/'];
    const page = typeof entry === 'function' ? entry(request) : (entry ?? { body: 'not found', type: 'text/plain', status: 404 });
    // Status 0: no answer at all, until the client gives up.
    if (page.status === 0) return;
    response.writeHead(page.status ?? 200, { 'content-type': page.type ?? 'text/html', ...page.headers });
    response.end(page.body);
  };
}

/** The byte length of a page's body, as sitesize counts it (no compression in play). */
export function sizeOf(page: SitePage): number {
  return Buffer.byteLength(page.body);
}
