import { MeasureError, messageOf, type ErrorCode } from '../errors.js';

// undici codes and Node errno values, exactly.
const byCode: Record<string, ErrorCode> = {
  ENOTFOUND: 'DNS',
  EAI_AGAIN: 'DNS',
  EAI_FAIL: 'DNS',
  EAI_NODATA: 'DNS',
  EAI_NONAME: 'DNS',
  ECONNREFUSED: 'CONNECT_REFUSED',
  ENETUNREACH: 'CONNECT_REFUSED',
  EHOSTUNREACH: 'CONNECT_REFUSED',
  EADDRNOTAVAIL: 'CONNECT_REFUSED',
  UND_ERR_CONNECT_TIMEOUT: 'CONNECT_TIMEOUT',
  ETIMEDOUT: 'CONNECT_TIMEOUT',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  UND_ERR_SOCKET: 'RESET',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'RESET',
  ECONNRESET: 'RESET',
  ECONNABORTED: 'RESET',
  EPIPE: 'RESET',
  ERR_HTTP2_STREAM_ERROR: 'RESET',
  ERR_HTTP2_STREAM_CANCEL: 'RESET',
  ERR_HTTP2_SESSION_ERROR: 'RESET',
  ERR_HTTP2_GOAWAY_SESSION: 'RESET',
  UND_ERR_HEADERS_OVERFLOW: 'PROTOCOL',
  UND_ERR_INFO: 'PROTOCOL',
  EPROTO: 'TLS',
  UND_ERR_ABORTED: 'ABORTED',
  UND_ERR_DESTROYED: 'ABORTED',
  UND_ERR_CLOSED: 'ABORTED',
  Z_DATA_ERROR: 'DECODE',
  Z_BUF_ERROR: 'DECODE',
};

// Families of codes, by how they begin: llhttp parse errors, TLS and certificate
// errors (OpenSSL's verify codes all mention CERT), HTTP/2 framing, brotli.
const byPrefix: [RegExp, ErrorCode][] = [
  [/^HPE_/, 'PROTOCOL'],
  [/^ERR_(SSL|TLS)_|CERT|^UNABLE_TO_|^ERR_OSSL_/, 'TLS'],
  [/^ERR_HTTP2_/, 'PROTOCOL'],
  [/^ERR__ERROR_FORMAT|^ERR_BROTLI/, 'DECODE'],
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/** Maps any error met while measuring one URL onto the record's stable code. */
export function toErrorCode(error: unknown): ErrorCode {
  if (error instanceof MeasureError) return error.code;
  if (error instanceof Error) {
    // undici's redirect handler refuses a Location it has already visited; a loop
    // never ends, so it is a case of too many redirects.
    if (error.message.startsWith('Redirect loop detected')) return 'TOO_MANY_REDIRECTS';
    // A proxy that refuses the tunnel (undici calls it an abort) or wants credentials.
    if (/^Proxy (response|Authentication Required)/.test(error.message)) return 'CONNECT_REFUSED';
  }
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  if (code !== undefined) {
    const exact = byCode[code];
    if (exact) return exact;
    for (const [pattern, mapped] of byPrefix) {
      if (pattern.test(code)) return mapped;
    }
  }
  return 'PROTOCOL';
}

const loopMessage = 'redirect loop: the Location was already visited';

/** The record's `error` object: a stable code and the original message on one line. */
export function toRecordError(error: unknown): { code: ErrorCode; message: string } {
  const code = toErrorCode(error);
  const message = messageOf(error).replace(/\s+/g, ' ').trim();
  if (code === 'TOO_MANY_REDIRECTS' && !(error instanceof MeasureError)) return { code, message: loopMessage };
  return { code, message: message || code };
}
