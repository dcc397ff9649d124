import type { Me } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { tooManyRequests, unauthorized } from '../../lib/errors.js';
import type { AccountService } from '../accounts/index.js';
import { presentUser, verifyPassword, type UserService } from '../users/index.js';
import { LoginFailureRepository, SessionRepository } from './session.repository.js';

const WINDOW_MS = 15 * 60_000;
/** Failed attempts allowed in the window, per account and per client address. */
export const LOGIN_LIMITS = { perAccount: 10, perAddress: 50 };

/** Sign-in with brute-force limits; sessions are rows, so any instance serves any request. */
export class AuthService {
  readonly sessions: SessionRepository;
  private readonly failures: LoginFailureRepository;

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly accounts: AccountService,
    readonly sessionTtlMs: number,
  ) {
    this.sessions = new SessionRepository(db);
    this.failures = new LoginFailureRepository(db);
    // A deactivated user or a new password ends every open session in the same transaction.
    users.onCredentialsChanged((trx, userId) => this.sessions.deleteForUser(trx, userId));
  }

  /** Checks the password and opens a new session (a fresh id: the old one is dropped). */
  async login(email: string, password: string, address: string, previousSecret?: string) {
    const now = this.clock.now();
    const keys = [`account:${email}`, `address:${address}`];
    await this.assertNotLimited(keys, now);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.active !== 1) {
      await this.failures.record(keys, now);
      throw unauthorized('auth.invalid_credentials');
    }
    await this.failures.clear(keys[0]);
    if (previousSecret) await this.sessions.delete(previousSecret);
    const secret = await this.sessions.create(user.id, now, this.sessionTtlMs);
    return { secret, user };
  }

  async logout(secret: string | undefined) {
    if (secret) await this.sessions.delete(secret);
  }

  now(): Date {
    return this.clock.now();
  }

  /** Opens a session for a user just created by first-run setup. */
  openSession(userId: string) {
    return this.sessions.create(userId, this.clock.now(), this.sessionTtlMs);
  }

  async me(userId: string): Promise<Me> {
    const user = (await this.users.findById(userId))!;
    const account = user.account_id ? await this.accounts.findOwned(user.account_id) : undefined;
    return { user: presentUser(user), accountName: account?.name ?? null };
  }

  /** Housekeeping: expired sessions and old failure records. */
  async purgeExpired() {
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    await this.failures.deleteOlderThan(new Date(now.getTime() - WINDOW_MS));
  }

  private async assertNotLimited(keys: string[], now: Date) {
    const since = new Date(now.getTime() - WINDOW_MS);
    const limits = [LOGIN_LIMITS.perAccount, LOGIN_LIMITS.perAddress];
    for (const [i, key] of keys.entries()) {
      const { count, oldest } = await this.failures.count(key, since);
      if (count >= limits[i]) {
        const retryMs = new Date(oldest!).getTime() + WINDOW_MS - now.getTime();
        throw tooManyRequests(Math.max(1, Math.ceil(retryMs / 1000)));
      }
    }
  }
}
