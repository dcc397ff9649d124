import type { Me } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { unauthorized } from '../../lib/errors.js';
import { sessionAbilities, usesTwoFactor, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { SettingsService } from '../settings/index.js';
import { verifyPassword, type UserRow, type UserService } from '../users/index.js';
import { AttemptLimiter } from './attempt-limits.js';
import { LoginLimiter } from './login-limits.js';
import { SecuritySettingsService } from './security-settings.service.js';
import { LoginFailureRepository, SessionRepository } from './session.repository.js';
import { tokenCacheOf } from './token-cache.js';
import { TwoFactorService } from './two-factor.service.js';

export { LOGIN_LIMITS } from './login-limits.js';

/** How long a correct password waits for its second factor. */
export const LOGIN_CHALLENGE_TTL_MS = 5 * 60_000;
/** Wrong codes one pending sign-in accepts before the password must be entered again. */
const CHALLENGE_ATTEMPTS = 5;

/** A sign-in is either done (a session) or waits for the second factor (a challenge). */
export type LoginOutcome = { kind: 'session'; secret: string; user: UserRow } | { kind: 'challenge'; challenge: string; expiresAt: string };

/** Which step of a sign-in was refused: the password, or the code that follows it. */
export type SignInFailureStep = 'password' | 'second_factor';

/** Sign-in with brute-force limits; sessions are rows, so any instance serves any request. */
export class AuthService {
  readonly sessions: SessionRepository;
  /** Attempts per client address or account, behind the sign-in limits and those of emailed links. */
  readonly attempts: AttemptLimiter;
  readonly limiter: LoginLimiter;
  readonly twoFactor: TwoFactorService;
  readonly securitySettings: SecuritySettingsService;
  private readonly failureListeners: Array<(step: SignInFailureStep) => void> = [];

  constructor(
    db: Database,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly accounts: AccountService,
    settings: SettingsService,
    readonly sessionTtlMs: number,
  ) {
    this.sessions = new SessionRepository(db);
    this.attempts = new AttemptLimiter(new LoginFailureRepository(db), clock);
    this.limiter = new LoginLimiter(this.attempts);
    this.twoFactor = new TwoFactorService(db, clock, users, this.limiter);
    this.securitySettings = new SecuritySettingsService(db, clock, settings, this.twoFactor);
    // A deactivated user or a new password ends every open session in the same transaction.
    users.onCredentialsChanged((trx, userId) => this.sessions.deleteForUser(trx, userId));
    // Its API tokens answer with the new role, or stop working, at once on this instance.
    users.onChanged(() => tokenCacheOf(db).clear());
  }

  /** Tells `listener` of every refused sign-in step (metrics count them; nothing about who). */
  onSignInFailed(listener: (step: SignInFailureStep) => void): void {
    this.failureListeners.push(listener);
  }

  private signInFailed(step: SignInFailureStep): void {
    for (const listener of this.failureListeners) listener(step);
  }

  /**
   * Checks the password. Without two-factor it opens a new session (a fresh id: the old one
   * is dropped); with it, it opens a short-lived challenge that a code completes.
   */
  async login(email: string, password: string, address: string, previousSecret?: string): Promise<LoginOutcome> {
    await this.limiter.beforePassword(email, address);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.active !== 1) {
      await this.limiter.passwordFailed(email, address);
      this.signInFailed('password');
      throw unauthorized('auth.invalid_credentials');
    }
    await this.limiter.passwordAccepted(email, address);
    if (usesTwoFactor({ role: user.role }) && (await this.twoFactor.isEnabled(user.id))) {
      const { secret, expiresAt } = await this.twoFactor.repo.createChallenge(user.id, this.clock.now(), LOGIN_CHALLENGE_TTL_MS);
      return { kind: 'challenge', challenge: secret, expiresAt };
    }
    return { kind: 'session', secret: await this.replaceSession(user.id, previousSecret), user };
  }

  /** Completes a pending sign-in with a code from the app or a recovery code. */
  async completeLogin(
    challengeSecret: string | undefined,
    method: 'totp' | 'recovery_code',
    code: string,
    address: string,
    previousSecret?: string,
  ): Promise<{ secret: string; user: UserRow }> {
    const expired = () => unauthorized('auth.sign_in_expired');
    const challenge = challengeSecret ? await this.twoFactor.repo.findChallenge(challengeSecret, this.clock.now()) : undefined;
    if (!challenge) throw expired();
    await this.limiter.beforeSecondFactor(challenge.user_id, address);
    if (!(await this.twoFactor.repo.claimChallengeAttempt(challenge.id, CHALLENGE_ATTEMPTS))) {
      await this.twoFactor.repo.deleteChallenge(challenge.id);
      throw expired();
    }
    const ok =
      method === 'totp'
        ? await this.twoFactor.verifySignInCode(challenge.user_id, code)
        : await this.twoFactor.useRecoveryCode(challenge.user_id, code);
    if (!ok) {
      await this.limiter.secondFactorFailed(challenge.user_id, address);
      this.signInFailed('second_factor');
      throw unauthorized(method === 'totp' ? 'auth.wrong_code' : 'auth.wrong_recovery_code');
    }
    await this.twoFactor.repo.deleteChallenge(challenge.id);
    const user = await this.users.findById(challenge.user_id);
    if (!user || user.active !== 1) throw expired();
    return { secret: await this.replaceSession(user.id, previousSecret), user };
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

  /** The signed-in user, their company's name, their two-factor state and what they may do across the app. */
  async me(userId: string): Promise<Me> {
    const user = (await this.users.findById(userId))!;
    const actor: Actor = {
      id: user.id,
      role: user.role,
      accountId: user.account_id,
      language: user.language === 'ru' ? 'ru' : 'en',
    };
    const account = user.account_id ? await this.accounts.findOwned(user.account_id) : undefined;
    const twoFactor = await this.twoFactor.state(userId, actor.role);
    return { user: await this.users.present(user, actor), accountName: account?.name ?? null, twoFactor, can: sessionAbilities(actor) };
  }

  /** Housekeeping: expired sessions and old failure records (expired pending sign-ins go as new ones start). */
  async purgeExpired() {
    const now = this.clock.now();
    await this.sessions.deleteExpired(now);
    await this.attempts.purge(now);
  }

  private async replaceSession(userId: string, previousSecret?: string): Promise<string> {
    if (previousSecret) await this.sessions.delete(previousSecret);
    return this.sessions.create(userId, this.clock.now(), this.sessionTtlMs);
  }
}
