import type { Attempt } from './measure-context.js';
import type { ErrorCode } from '../errors.js';

// What may go better a moment later (SPEC --retries): the network's hiccups and
// the statuses by which servers ask to be asked again.
const transientCodes = new Set<ErrorCode>(['DNS', 'CONNECT_REFUSED', 'CONNECT_TIMEOUT', 'TIMEOUT', 'RESET', 'PROTOCOL']);
const transientStatuses = new Set([408, 429, 502, 503, 504]);

export const maxRetryWaitMs = 60_000;
const firstBackoffMs = 500;

/** Retry-After as milliseconds from `now`: delay-seconds or an HTTP date; undefined if absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const text = value?.trim();
  if (text === undefined || text === '') return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before attempt `attempt + 1`, or undefined when this attempt's
 * outcome stands: it succeeded, failed for good, or the retries are used up.
 * The server's Retry-After wins; otherwise exponential backoff with full jitter
 * (a random wait up to 0.5 s, 1 s, 2 s, ...). Both are capped at 60 s.
 */
export function retryDelay(
  { record, retryAfter }: Attempt,
  attempt: number,
  retries: number,
  now = Date.now(),
  random = Math.random,
): number | undefined {
  if (attempt > retries) return undefined;
  const transient = record.error ? transientCodes.has(record.error.code) : record.status !== null && transientStatuses.has(record.status);
  if (!transient) return undefined;
  const asked = parseRetryAfter(retryAfter, now);
  const backoff = asked ?? random() * firstBackoffMs * 2 ** (attempt - 1);
  return Math.min(backoff, maxRetryWaitMs);
}
