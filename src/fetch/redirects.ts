import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { RedirectHandler } from './undici.js';

/** Told of every request a dispatch makes: the first, then each redirect hop, before it connects. */
export interface HopListener {
  /** `origin` and `path` as undici has them (already normalised): the URL is their concatenation. */
  onHop(origin: string, path: string): void;
}

interface ResponseStart {
  // Fields of undici's RedirectHandler that the shortcut below reads and sets.
  location: string | null;
  handler: Dispatcher.DispatchHandler;
  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void;
}

/** The statuses undici's redirect handling follows (its redirectableStatusCodes). */
export const redirectStatuses = new Set([300, 301, 302, 303, 307, 308]);

// undici's declaration of RedirectHandler leaves out the handler methods it has.
const Handler = RedirectHandler as unknown as new (...args: ConstructorParameters<typeof RedirectHandler>) => ResponseStart;

// undici gives header values as Latin-1 strings, one character per byte. Each
// byte past ASCII is percent-encoded as it came, as curl does: a UTF-8
// Location then leads where browsers go, and no byte is read twice.
function locationOf(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.replace(/[\x80-\xff]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * undici's redirect handling with three differences, the ones curl and browsers
 * agree on: an interim 1xx response is neither a redirect nor the response
 * (undici would count and pass on a 103), the first Location line is read as
 * bytes, and every request made is told to the handler, so a hop whose
 * connection fails still counts.
 */
class Redirects extends Handler {
  override onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    if (statusCode < 200) return;
    // A final response goes straight to the handler: undici would first parse
    // the request URL again into a history that nothing reads after this point.
    if (!redirectStatuses.has(statusCode)) {
      this.location = null;
      this.handler.onResponseStart?.(controller, statusCode, headers, statusMessage);
      return;
    }
    const location = locationOf(headers.location);
    super.onResponseStart(controller, statusCode, location === undefined ? headers : { ...headers, location }, statusMessage);
  }
}

/** The interceptor for `Agent.compose`: follows at most `maxRedirects` redirects (none with 0). */
export function followRedirects(maxRedirects: number): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const listener = handler as Partial<HopListener>;
    const request: Dispatcher.Dispatch = (hop, next) => {
      listener.onHop?.(String(hop.origin), hop.path);
      return dispatch(hop, next);
    };
    return request(options, new Redirects(request, maxRedirects, options, handler));
  };
}
