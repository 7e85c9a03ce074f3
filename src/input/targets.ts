import { hasScheme } from '../scheme.js';
import { MeasureError } from '../errors.js';

/** What is fetched for one input line: the URL without credentials and, if it had some, their Basic auth. */
export interface Target {
  url: URL;
  authorization: string | undefined;
}

const authority = /^([^:/?#]*:\/\/)?([^/?#\\]*)/;

// Redacts the password of `user:password@` in a line, before or after it is a URL,
// so that no output ever shows it: `https://user:***@host/`.
export function redactCredentials(line: string): string {
  if (!line.includes('@')) return line;
  const match = authority.exec(line);
  const host = match?.[2] ?? '';
  const at = host.lastIndexOf('@');
  const colon = host.indexOf(':');
  if (at < 0 || colon < 0 || colon > at) return line;
  const start = match?.[1]?.length ?? 0;
  return `${line.slice(0, start + colon + 1)}***${line.slice(start + at)}`;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Turns a trimmed input line into what is fetched; a line without a scheme means https.
export function toTarget(line: string): Target | MeasureError {
  let url: URL;
  try {
    url = new URL(hasScheme(line) ? line : `https://${line}`);
  } catch {
    return new MeasureError('INVALID_URL', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return new MeasureError('UNSUPPORTED_PROTOCOL', `unsupported protocol ${url.protocol.slice(0, -1)}`);
  }
  if (url.username === '' && url.password === '') {
    return { url, authorization: undefined };
  }
  const credentials = `${decodeComponent(url.username)}:${decodeComponent(url.password)}`;
  url.username = '';
  url.password = '';
  return { url, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` };
}
