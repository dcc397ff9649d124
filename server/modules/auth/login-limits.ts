import type { AttemptLimiter } from './attempt-limits.js';

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
  constructor(private readonly attempts: AttemptLimiter) {}

  /** Refuses (429) an address or address+account over its limit; slows an account under attack. */
  async beforePassword(email: string, address: string): Promise<void> {
    const keys = keysFor(email, address);
    const counts = await this.attempts.refuseOver({
      [keys.address]: LOGIN_LIMITS.perAddress,
      [keys.pair]: LOGIN_LIMITS.perAccountFromAddress,
      [keys.account]: Infinity,
    });
    const delay = accountBackoffMs(counts.get(keys.account)?.count ?? 0);
    if (delay > 0) await sleep(delay);
  }

  async passwordFailed(email: string, address: string): Promise<void> {
    const keys = keysFor(email, address);
    await this.attempts.record([keys.address, keys.pair, keys.account]);
  }

  /** The right password from this address forgets its mistakes there; failures elsewhere still count. */
  async passwordAccepted(email: string, address: string): Promise<void> {
    await this.attempts.clear(keysFor(email, address).pair);
  }

  async beforeSecondFactor(userId: string, address: string): Promise<void> {
    await this.attempts.refuseOver({
      [`address:${address}`]: LOGIN_LIMITS.perAddress,
      [secondFactorKey(userId)]: LOGIN_LIMITS.secondFactorPerAccount,
    });
  }

  async secondFactorFailed(userId: string, address: string): Promise<void> {
    await this.attempts.record([`address:${address}`, secondFactorKey(userId)]);
  }
}
