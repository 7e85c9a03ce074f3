import { createHash } from 'node:crypto';
import type { Shard } from '../options.js';

/**
 * Whether an input line (trimmed, as read) falls in `shard`: the first four
 * bytes of the SHA-256 of its UTF-8 text, read as a big-endian unsigned
 * integer, modulo n, equal k - 1. SHA-256 gives the same answer on every
 * machine, Node version and language, and spreads any list evenly.
 */
export function inShard(line: string, { k, n }: Shard): boolean {
  return createHash('sha256').update(line, 'utf8').digest().readUInt32BE(0) % n === k - 1;
}
