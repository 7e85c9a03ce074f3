import type { IncomingHttpHeaders } from 'node:http';

// undici hands header values over as Latin-1 strings, one character per byte
// (over HTTP/2 too); read back as UTF-8, they are the text the server sent, as
// curl would print it.
function fieldLines(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((line) => Buffer.from(line, 'latin1').toString('utf8'));
}

/** A field that holds one value (Content-Type, Retry-After): the last of its lines wins, as in curl and browsers. */
export function lastValue(headers: IncomingHttpHeaders, name: string): string | null {
  return fieldLines(headers, name).at(-1) ?? null;
}

/** A list field (Content-Encoding): its lines in order, joined as if sent on one line. */
export function joinedValue(headers: IncomingHttpHeaders, name: string): string | null {
  const lines = fieldLines(headers, name);
  return lines.length === 0 ? null : lines.join(', ');
}
