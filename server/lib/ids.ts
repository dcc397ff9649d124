import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes drawn in bulk: asking the system for 16 at a time was a tenth of the CPU time
 * of a large import. Each id takes its own 16, never handed out twice.
 */
const pool = Buffer.alloc(16 * 1024);
let poolAt = pool.length;
/** uuid's own monotonic state, kept here since it is skipped once the random bytes are given. */
let lastMsecs = -Infinity;
let seq = 0;

/** A new opaque, time-ordered record id (ids made in the same millisecond keep their order). */
export const newId = (): string => {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const random = pool.subarray(poolAt, (poolAt += 16));
  const now = Date.now();
  if (now > lastMsecs) {
    seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
    lastMsecs = now;
  } else {
    seq = (seq + 1) | 0;
    if (seq === 0) lastMsecs++;
  }
  return v7({ random, msecs: lastMsecs, seq });
};

/** A random secret for cookies and tokens, URL-safe. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** SHA-256 of a high-entropy secret, for storing session ids and API tokens. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
