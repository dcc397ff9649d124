import type { AppError } from '../../lib/errors.js';
import type { AttemptLimiter } from './attempt-limits.js';

/**
 * Limits of the links sent by email, in the attempt window (15 minutes). Links that did not
 * work are a guesser's budget per address (a token is 256 random bits, so it never suffices);
 * reset requests are limited per address and per email so that nobody floods a mailbox.
 */
export const LINK_LIMITS = {
  badLinksPerAddress: 20,
  resetRequestsPerAddress: 20,
  resetRequestsPerEmail: 5,
  /** New passwords tried with a working link for one account (each one refused as too weak). */
  resetConfirmsPerEmail: 10,
};

const keys = {
  badLink: (address: string) => `bad-link:${address}`,
  resetAddress: (address: string) => `reset-request:${address}`,
  resetEmail: (email: string) => `reset-request-email:${email}`,
  confirmEmail: (email: string) => `reset-confirm-email:${email}`,
};

/** Rate limits of invitation and password reset links, for the auth and portal modules. */
export class LinkAttempts {
  constructor(private readonly attempts: AttemptLimiter) {}

  /**
   * What an emailed link stands for, or the refusal saying why it does not work. A link that
   * does not work counts against the address, which gets 429 once it has opened too many.
   */
  async open<T>(address: string, find: () => Promise<T | undefined>, problemOf: (found: T | undefined) => AppError | null): Promise<T> {
    await this.attempts.refuseOver({ [keys.badLink(address)]: LINK_LIMITS.badLinksPerAddress });
    const found = await find();
    const problem = problemOf(found);
    if (problem) {
      await this.attempts.record([keys.badLink(address)]);
      throw problem;
    }
    return found!;
  }

  /** Counts a request for a reset link, the same whether or not the email is a user's; 429 over either limit. */
  async resetRequested(email: string, address: string): Promise<void> {
    await this.attempts.refuseOver({
      [keys.resetAddress(address)]: LINK_LIMITS.resetRequestsPerAddress,
      [keys.resetEmail(email)]: LINK_LIMITS.resetRequestsPerEmail,
    });
    await this.attempts.record([keys.resetAddress(address), keys.resetEmail(email)]);
  }

  /** Counts a new password tried for the account; 429 over the limit. */
  async resetConfirmed(email: string): Promise<void> {
    await this.attempts.refuseOver({ [keys.confirmEmail(email)]: LINK_LIMITS.resetConfirmsPerEmail });
    await this.attempts.record([keys.confirmEmail(email)]);
  }
}
