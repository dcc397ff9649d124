import type { Clock } from '../../lib/clock.js';
import { tooManyRequests } from '../../lib/errors.js';
import type { LoginFailureRepository } from './session.repository.js';

export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Failed attempts allowed in the window. A lock is keyed by the client address, alone or
 * with the account, so nobody can lock an owner out of their account from elsewhere; failures
 * for an account from everywhere only slow its sign-ins down (see `accountBackoffMs`).
 */
export const LOGIN_LIMITS = {
  perAddress: 50,
  perAccountFromAddress: 10,
  /** Failures for one account from all addresses before its sign-ins start to slow down. */
  accountSlowdownAfter: 20,
  /** Wrong second-factor codes for one account: only someone who knows the password gets this far. */
  secondFactorPerAccount: 10,
};

const MAX_BACKOFF_MS = 5_000;

/**
 * The delay before checking a password for an account that failed `failures` times in the
 * window from anywhere: none up to the threshold, then 250 ms doubling every ten failures,
 * at most five seconds. It slows a distributed guesser; the owner still gets in.
 */
export function accountBackoffMs(failures: number): number {
  if (failures < LOGIN_LIMITS.accountSlowdownAfter) return 0;
  return Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.floor((failures - LOGIN_LIMITS.accountSlowdownAfter) / 10));
}

const keysFor = (email: string, address: string) => ({
  address: `address:${address}`,
  pair: `account-address:${address}|${email}`,
  account: `account:${email}`,
});

const secondFactorKey = (userId: string) => `second-factor:${userId}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Brute-force limits for both sign-in steps, counted in the database so every instance agrees. */
export class LoginLimiter {
  constructor(
    private readonly failures: LoginFailureRepository,
    private readonly clock: Clock,
  ) {}

  /** Refuses (429) an address or address+account over its limit; slows an account under attack. */
  async beforePassword(email: string, address: string): Promise<void> {
    const keys = keysFor(email, address);
    const counts = await this.count([keys.address, keys.pair, keys.account]);
    this.refuseOver(counts.get(keys.address), LOGIN_LIMITS.perAddress);
    this.refuseOver(counts.get(keys.pair), LOGIN_LIMITS.perAccountFromAddress);
    const delay = accountBackoffMs(counts.get(keys.account)?.count ?? 0);
    if (delay > 0) await sleep(delay);
  }

  async passwordFailed(email: string, address: string): Promise<void> {
    const keys = keysFor(email, address);
    await this.failures.record([keys.address, keys.pair, keys.account], this.clock.now());
  }

  /** The right password from this address forgets its mistakes there; failures elsewhere still count. */
  async passwordAccepted(email: string, address: string): Promise<void> {
    await this.failures.clear(keysFor(email, address).pair);
  }

  async beforeSecondFactor(userId: string, address: string): Promise<void> {
    const counts = await this.count([`address:${address}`, secondFactorKey(userId)]);
    this.refuseOver(counts.get(`address:${address}`), LOGIN_LIMITS.perAddress);
    this.refuseOver(counts.get(secondFactorKey(userId)), LOGIN_LIMITS.secondFactorPerAccount);
  }

  async secondFactorFailed(userId: string, address: string): Promise<void> {
    await this.failures.record([`address:${address}`, secondFactorKey(userId)], this.clock.now());
  }

  /** Forgets failures older than the window. */
  purge(now: Date): Promise<void> {
    return this.failures.deleteOlderThan(new Date(now.getTime() - LOGIN_WINDOW_MS));
  }

  private count(keys: string[]) {
    return this.failures.countByKeys(keys, new Date(this.clock.now().getTime() - LOGIN_WINDOW_MS));
  }

  private refuseOver(entry: { count: number; oldest: string } | undefined, limit: number): void {
    if (!entry || entry.count < limit) return;
    const retryMs = new Date(entry.oldest).getTime() + LOGIN_WINDOW_MS - this.clock.now().getTime();
    throw tooManyRequests(Math.max(1, Math.ceil(retryMs / 1000)));
  }
}
