import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId, randomSecret, sha256 } from '../../lib/ids.js';

export const REQUIRE_TWO_FACTOR_KEY = 'auth.require_two_factor';

/** TOTP credentials, recovery codes and sign-ins waiting for their second factor. */
export class TwoFactorRepository {
  constructor(private readonly db: Database) {}

  findCredential(userId: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('two_factor_credentials').selectAll().where('user_id', '=', userId).executeTakeFirst();
  }

  /** A new secret waiting for its first code; replaces an earlier unconfirmed one. */
  async savePending(userId: string, secret: string, now: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      await t.deleteFrom('two_factor_credentials').where('user_id', '=', userId).where('confirmed_at', 'is', null).execute();
      await t
        .insertInto('two_factor_credentials')
        .values({ user_id: userId, secret, created_at: now, confirmed_at: null, last_time_step: null })
        .execute();
    });
  }

  /** Turns a pending secret on; false when it was confirmed meanwhile (two tabs). */
  async confirm(trx: Kysely<DB>, userId: string, now: string, timeStep: number): Promise<boolean> {
    const res = await trx
      .updateTable('two_factor_credentials')
      .set({ confirmed_at: now, last_time_step: timeStep })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows === 1n;
  }

  /** Records the step of an accepted code; false when this or a later step was already used. */
  async advanceTimeStep(userId: string, timeStep: number): Promise<boolean> {
    const res = await this.db
      .updateTable('two_factor_credentials')
      .set({ last_time_step: timeStep })
      .where('user_id', '=', userId)
      .where('confirmed_at', 'is not', null)
      .where((eb) => eb.or([eb('last_time_step', 'is', null), eb('last_time_step', '<', timeStep)]))
      .executeTakeFirst();
    return res.numUpdatedRows === 1n;
  }

  async deleteCredential(trx: Kysely<DB>, userId: string): Promise<void> {
    await trx.deleteFrom('two_factor_credentials').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  }

  async replaceRecoveryCodes(trx: Kysely<DB>, userId: string, hashes: string[], now: string): Promise<void> {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('two_factor_recovery_codes')
      .values(hashes.map((code_hash) => ({ id: newId(), user_id: userId, code_hash, created_at: now, used_at: null })))
      .execute();
  }

  /** Marks an unused code used; false when there is none with this hash (or it was just used). */
  async useRecoveryCode(trx: Kysely<DB>, userId: string, hash: string, now: string): Promise<boolean> {
    const res = await trx
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: now })
      .where('user_id', '=', userId)
      .where('code_hash', '=', hash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows >= 1n;
  }

  async unusedRecoveryCodes(userId: string, trx: Kysely<DB> = this.db): Promise<number> {
    const row = await trx
      .selectFrom('two_factor_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** The stored security setting (JSON) and whether the user has confirmed two-factor, in one round trip. */
  async requirementAndEnrolment(userId: string): Promise<{ required: boolean; enabled: boolean }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb.selectFrom('settings').select('value').where('key', '=', REQUIRE_TWO_FACTOR_KEY).as('required'),
        eb
          .selectFrom('two_factor_credentials')
          .select('confirmed_at')
          .where('user_id', '=', userId)
          .where('confirmed_at', 'is not', null)
          .as('confirmed_at'),
      ])
      .executeTakeFirstOrThrow();
    return { required: row.required === 'true', enabled: row.confirmed_at != null };
  }

  /** Opens a pending sign-in, clearing expired ones on the way; returns the secret for the cookie. */
  async createChallenge(userId: string, now: Date, ttlMs: number): Promise<{ secret: string; expiresAt: string }> {
    const secret = randomSecret();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await this.db.deleteFrom('login_challenges').where('expires_at', '<=', now.toISOString()).execute();
    await this.db
      .insertInto('login_challenges')
      .values({ id: sha256(secret), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt, attempts: 0 })
      .execute();
    return { secret, expiresAt };
  }

  findChallenge(secret: string, now: Date) {
    return this.db
      .selectFrom('login_challenges')
      .selectAll()
      .where('id', '=', sha256(secret))
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
  }

  /** Counts one code attempt against the challenge; false once `max` were made (atomic, so parallel guesses count too). */
  async claimChallengeAttempt(id: string, max: number): Promise<boolean> {
    const res = await this.db
      .updateTable('login_challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id)
      .where('attempts', '<', max)
      .executeTakeFirst();
    return res.numUpdatedRows === 1n;
  }

  async deleteChallenge(id: string): Promise<void> {
    await this.db.deleteFrom('login_challenges').where('id', '=', id).execute();
  }
}
