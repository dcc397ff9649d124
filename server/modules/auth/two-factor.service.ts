import type { Role } from '../../../common/enums.js';
import {
  TWO_FACTOR_REQUIRED_ROLES,
  type RecoveryCodes,
  type TwoFactorEnrolment,
  type TwoFactorProof,
  type TwoFactorState,
  type TwoFactorStatus,
} from '../../../common/schemas/two-factor.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors.js';
import { assertAdmin, usesTwoFactor, type Actor } from '../access/index.js';
import { recordAudit, type AuditInput } from '../audit/index.js';
import { verifyPassword, type UserService } from '../users/index.js';
import type { LoginLimiter } from './login-limits.js';
import { hashRecoveryCode, newRecoveryCodes, RECOVERY_CODE_COUNT } from './recovery-codes.js';
import { acceptedTimeStep, newTotpSecret, qrCodeDataUrl, totpUrl } from './totp.js';
import { TwoFactorRepository } from './two-factor.repository.js';

const AUDIT_TYPE = 'two_factor';
type Fields = Record<string, unknown>;
const isRequiredRole = (role: Role) => TWO_FACTOR_REQUIRED_ROLES.includes(role);

/**
 * Two-factor sign-in with a TOTP app: enrolment with a QR code, ten single-use recovery
 * codes (stored hashed, shown once), turning it off with a current code or the password,
 * and the codes checked at sign-in. The secret never leaves the server after enrolment.
 */
export class TwoFactorService {
  readonly repo: TwoFactorRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly users: UserService,
    private readonly limiter: LoginLimiter,
  ) {
    this.repo = new TwoFactorRepository(db);
  }

  /** Whether it is on and whether the security setting obliges this user to have it. */
  async state(userId: string, role: Role): Promise<TwoFactorState> {
    if (!usesTwoFactor({ role })) return { enabled: false, required: false };
    const { required, enabled } = await this.repo.requirementAndEnrolment(userId);
    return { enabled, required: required && isRequiredRole(role) };
  }

  /** True while the setting requires two-factor for the user's role and they have not set it up. */
  async mustEnrol(userId: string, role: Role): Promise<boolean> {
    if (!isRequiredRole(role)) return false;
    const { required, enabled } = await this.repo.requirementAndEnrolment(userId);
    return required && !enabled;
  }

  async isEnabled(userId: string): Promise<boolean> {
    return !!(await this.repo.findCredential(userId))?.confirmed_at;
  }

  async status(actor: Actor): Promise<TwoFactorStatus> {
    const state = await this.state(actor.id, actor.role);
    const credential = await this.repo.findCredential(actor.id);
    return {
      ...state,
      available: usesTwoFactor(actor),
      enabledAt: credential?.confirmed_at ?? null,
      recoveryCodesLeft: state.enabled ? await this.repo.unusedRecoveryCodes(actor.id) : 0,
    };
  }

  /** A new secret for the user's authenticator app; on only after `confirmEnrolment`. */
  async startEnrolment(actor: Actor): Promise<TwoFactorEnrolment> {
    if (!usesTwoFactor(actor)) throw forbidden('twoFactor.staff_only');
    if (await this.isEnabled(actor.id)) throw conflict('twoFactor.already_on');
    const user = (await this.users.findById(actor.id))!;
    const secret = newTotpSecret();
    await this.repo.savePending(actor.id, secret, this.clock.now().toISOString());
    const otpauthUrl = totpUrl(secret, user.email);
    return { secret, otpauthUrl, qrCode: await qrCodeDataUrl(otpauthUrl) };
  }

  /** The first code from the app proves it is set up: two-factor goes on and the recovery codes are made. */
  async confirmEnrolment(actor: Actor, code: string): Promise<RecoveryCodes> {
    const credential = await this.repo.findCredential(actor.id);
    if (!credential) throw conflict('twoFactor.start_first');
    if (credential.confirmed_at) throw conflict('twoFactor.already_on');
    const now = this.clock.now();
    const step = await acceptedTimeStep(credential.secret, code, now, null);
    if (step === null) {
      throw fieldError('code', 'twoFactor.invalid_code');
    }
    const recoveryCodes = newRecoveryCodes();
    await this.db.transaction().execute(async (t) => {
      if (!(await this.repo.confirm(t, actor.id, now.toISOString(), step))) throw conflict('twoFactor.already_on');
      await this.repo.replaceRecoveryCodes(t, actor.id, recoveryCodes.map(hashRecoveryCode), now.toISOString());
      await this.audit(t, {
        userId: actor.id,
        actorId: actor.id,
        action: 'create',
        before: null,
        after: { enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT },
        at: now.toISOString(),
      });
    });
    return { recoveryCodes };
  }

  /** Turns two-factor off for oneself; not while the security setting requires it for the role. */
  async disable(actor: Actor, proof: TwoFactorProof, address: string): Promise<void> {
    await this.assertProof(actor, proof, address);
    if (await this.isRequiredFor(actor)) {
      throw conflict('twoFactor.required_for_role');
    }
    await this.turnOff(actor.id, actor.id);
  }

  /** New recovery codes; the old ones stop working. */
  async regenerateRecoveryCodes(actor: Actor, proof: TwoFactorProof, address: string): Promise<RecoveryCodes> {
    await this.assertProof(actor, proof, address);
    const recoveryCodes = newRecoveryCodes();
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const before = await this.repo.unusedRecoveryCodes(actor.id, t);
      await this.repo.replaceRecoveryCodes(t, actor.id, recoveryCodes.map(hashRecoveryCode), now);
      await this.audit(t, {
        userId: actor.id,
        actorId: actor.id,
        action: 'update',
        before: { recoveryCodesLeft: before, recoveryCodesRegeneratedAt: null },
        after: { recoveryCodesLeft: RECOVERY_CODE_COUNT, recoveryCodesRegeneratedAt: now },
        at: now,
      });
    });
    return { recoveryCodes };
  }

  /** An admin turns two-factor off for a user who lost their device and their recovery codes. */
  async resetFor(actor: Actor, userId: string): Promise<void> {
    assertAdmin(actor);
    if (!(await this.users.findById(userId))) throw notFound('user');
    if (!(await this.isEnabled(userId))) throw conflict('twoFactor.not_on_for_user');
    await this.turnOff(userId, actor.id);
  }

  /** A sign-in code from the app: right now and never used before. */
  async verifySignInCode(userId: string, code: string): Promise<boolean> {
    const credential = await this.repo.findCredential(userId);
    if (!credential?.confirmed_at) return false;
    const step = await acceptedTimeStep(credential.secret, code, this.clock.now(), credential.last_time_step);
    return step !== null && (await this.repo.advanceTimeStep(userId, step));
  }

  /** Spends a recovery code (once) and records that it was used. */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    if (!(await this.isEnabled(userId))) return false;
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (t) => {
      if (!(await this.repo.useRecoveryCode(t, userId, hashRecoveryCode(code), now))) return false;
      const left = await this.repo.unusedRecoveryCodes(userId, t);
      await this.audit(t, {
        userId: userId,
        actorId: userId,
        action: 'update',
        before: { recoveryCodesLeft: left + 1, recoveryCodeUsedAt: null },
        after: { recoveryCodesLeft: left, recoveryCodeUsedAt: now },
        at: now,
      });
      return true;
    });
  }

  /** The audit entry of a change to a user's two-factor sign-in, in the transaction that makes it. */
  private audit(
    t: Kysely<DB>,
    e: { userId: string; actorId: string; action: AuditInput['action']; before: Fields | null; after: Fields; at: string },
  ) {
    return recordAudit(t, {
      actorId: e.actorId,
      recordType: AUDIT_TYPE,
      recordId: e.userId,
      action: e.action,
      before: e.before,
      after: e.after,
      at: e.at,
    });
  }

  private async isRequiredFor(actor: Actor): Promise<boolean> {
    return (await this.state(actor.id, actor.role)).required;
  }

  private async turnOff(userId: string, actorId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const left = await this.repo.unusedRecoveryCodes(userId, t);
      await this.repo.deleteCredential(t, userId);
      await this.audit(t, {
        userId,
        actorId,
        action: 'delete',
        before: { enabled: true, recoveryCodesLeft: left },
        after: { enabled: false, recoveryCodesLeft: 0 },
        at: now,
      });
    });
  }

  /** A current code or the password; wrong guesses count against the sign-in limits. */
  private async assertProof(actor: Actor, proof: TwoFactorProof, address: string): Promise<void> {
    if (!(await this.isEnabled(actor.id))) throw conflict('twoFactor.not_on');
    await this.limiter.beforeSecondFactor(actor.id, address);
    const ok = proof.code
      ? await this.verifySignInCode(actor.id, proof.code)
      : await verifyPassword((await this.users.findById(actor.id))?.password_hash ?? null, proof.password ?? '');
    if (!ok) {
      await this.limiter.secondFactorFailed(actor.id, address);
      const field = proof.code ? 'code' : 'password';
      throw fieldError(field, proof.code ? 'twoFactor.wrong_proof_code' : 'twoFactor.wrong_password');
    }
  }
}
