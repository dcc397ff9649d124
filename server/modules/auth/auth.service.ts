import type { Me } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { unauthorized } from '../../lib/errors.js';
import type { UserService } from '../users/user.service.js';
import { presentUser } from '../users/user.presenter.js';
import { LoginLimiter } from './login-limits.js';
import { verifyPassword } from './password.js';
import { LoginFailureRepository, SessionRepository } from './session.repository.js';

export { LOGIN_LIMITS } from './login-limits.js';

/** Sign-in with brute-force limits; sessions are rows, so any instance serves any request. */
export class AuthService {
  readonly sessions: SessionRepository;
  readonly limiter: LoginLimiter;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly users: UserService,
    readonly sessionTtlMs: number,
  ) {
    this.sessions = new SessionRepository(db);
    this.limiter = new LoginLimiter(new LoginFailureRepository(db), clock);
  }

  /** Checks the password and opens a new session (a fresh id: the old one is dropped). */
  async login(email: string, password: string, address: string, previousSecret?: string) {
    await this.limiter.beforePassword(email, address);
    const user = await this.users.users.findByEmail(email);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.active !== 1) {
      await this.limiter.passwordFailed(email, address);
      throw unauthorized('Email or password is incorrect, or the account is deactivated.');
    }
    await this.limiter.passwordAccepted(email, address);
    if (previousSecret) await this.sessions.delete(previousSecret);
    const secret = await this.sessions.create(user.id, this.clock.now(), this.sessionTtlMs);
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
    const row = await this.db
      .selectFrom('users')
      .leftJoin('accounts', 'accounts.id', 'users.account_id')
      .selectAll('users')
      .select('accounts.name as account_name')
      .where('users.id', '=', userId)
      .executeTakeFirstOrThrow();
    return { user: presentUser(row), accountName: row.account_name ?? null };
  }

  /** Housekeeping: expired sessions and old failure records. */
  async purgeExpired() {
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    await this.limiter.purge(now);
  }
}
