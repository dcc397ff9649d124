import type { Clock } from '../../lib/clock.js';
import { tooManyRequests } from '../../lib/errors.js';
import type { LoginFailureRepository } from './session.repository.js';

/** Attempts are counted over the last fifteen minutes; the hourly housekeeping forgets older ones. */
export const ATTEMPT_WINDOW_MS = 15 * 60_000;

/**
 * Counts attempts per key (a client address, an account, an address with an account…) in a
 * sliding window, in the database so every instance agrees, and refuses a key over its limit
 * with 429 and the seconds until its oldest attempt leaves the window.
 */
export class AttemptLimiter {
  constructor(
    private readonly attempts: LoginFailureRepository,
    private readonly clock: Clock,
  ) {}

  /** Attempts in the window per key, with the oldest of each; keys without any are absent. */
  count(keys: string[]) {
    return this.attempts.countByKeys(keys, new Date(this.clock.now().getTime() - ATTEMPT_WINDOW_MS));
  }

  /** Throws 429 (with Retry-After) when any key has reached its limit; answers the counts. */
  async refuseOver(limits: Record<string, number>) {
    const counts = await this.count(Object.keys(limits));
    for (const [key, limit] of Object.entries(limits)) this.refuse(counts.get(key), limit);
    return counts;
  }

  /** Counts one attempt against each key. */
  record(keys: string[]): Promise<void> {
    return this.attempts.record(keys, this.clock.now());
  }

  /** Forgets the attempts of one key (the right password from an address). */
  clear(key: string): Promise<void> {
    return this.attempts.clear(key);
  }

  /** Forgets attempts older than the window. */
  purge(now: Date): Promise<void> {
    return this.attempts.deleteOlderThan(new Date(now.getTime() - ATTEMPT_WINDOW_MS));
  }

  private refuse(entry: { count: number; oldest: string } | undefined, limit: number): void {
    if (!entry || entry.count < limit) return;
    const retryMs = new Date(entry.oldest).getTime() + ATTEMPT_WINDOW_MS - this.clock.now().getTime();
    throw tooManyRequests(Math.max(1, Math.ceil(retryMs / 1000)));
  }
}
