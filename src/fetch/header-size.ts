import { STATUS_CODES } from 'node:http';

// Buffers from HTTP/1.1; strings from HTTP/2, one byte per character as Node decodes them.
function byteLength(part: unknown): number {
  if (Buffer.isBuffer(part)) return part.length;
  return typeof part === 'string' ? Buffer.byteLength(part, 'latin1') : 0;
}

/**
 * The status line and header block as HTTP/1.1 puts them on the wire, final
 * CRLF included, a line per field line; HTTP/2 has no reason phrase, so the
 * one HTTP/1.1 would send is counted (SPEC: as if HTTP/1.1), and its
 * pseudo-header fields (`:status`) are not header lines.
 */
export function headerBlockSize(statusCode: number, statusMessage: string | undefined, rawHeaders: unknown, httpVersion: string): number {
  const reason = httpVersion === '2' ? (STATUS_CODES[statusCode] ?? '') : (statusMessage ?? '');
  let size = `HTTP/1.1 ${statusCode} ${reason}\r\n\r\n`.length;
  if (!Array.isArray(rawHeaders)) return size;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name: unknown = rawHeaders[i];
    if (typeof name === 'string' && name.startsWith(':')) continue;
    size += byteLength(name) + byteLength(rawHeaders[i + 1]) + 4;
  }
  return size;
}
