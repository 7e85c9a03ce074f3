/** The stable error codes of a record's `error.code`. */
export type ErrorCode =
  | 'INVALID_URL'
  | 'UNSUPPORTED_PROTOCOL'
  | 'DNS'
  | 'CONNECT_REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'TIMEOUT'
  | 'RESET'
  | 'TLS'
  | 'TOO_MANY_REDIRECTS'
  | 'PROTOCOL'
  | 'DECODE'
  | 'ABORTED'
  | 'BLOCKED';

export interface RecordError {
  code: ErrorCode;
  message: string;
}

// An error that already knows its record code, so mapping never has to guess.
export class MeasureError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MeasureError';
    this.code = code;
  }
}

/** The message of anything thrown, for one line of text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
