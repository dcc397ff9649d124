import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { PasswordResetTokensTable } from '../../db/tables/access-links.js';
import type { DB } from '../../db/schema.js';

/** Password reset links, kept as the SHA-256 of their token. */
export class ResetTokenRepository {
  constructor(private readonly db: Database) {}

  async insert(trx: Kysely<DB>, row: Insertable<PasswordResetTokensTable>): Promise<void> {
    await trx.insertInto('password_reset_tokens').values(row).execute();
  }

  /** The link with the user it is for. */
  findByHash(hash: string) {
    return this.db
      .selectFrom('password_reset_tokens')
      .innerJoin('users', 'users.id', 'password_reset_tokens.user_id')
      .select([
        'password_reset_tokens.id',
        'password_reset_tokens.user_id',
        'password_reset_tokens.expires_at',
        'password_reset_tokens.used_at',
        'users.email',
        'users.name',
        'users.language',
        'users.active',
      ])
      .where('password_reset_tokens.token_hash', '=', hash)
      .executeTakeFirst();
  }

  /** Marks the link used; false when another request used it first. */
  async use(trx: Kysely<DB>, id: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: at })
      .where('id', '=', id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  /** Ends the user's other links: the password they opened them for is chosen. */
  async useAllOf(trx: Kysely<DB>, userId: string, at: string): Promise<void> {
    await trx
      .updateTable('password_reset_tokens')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .execute();
  }

  /** Forgets links that expired before `before` (kept a while so a late click says "expired", not "invalid"). */
  async deleteExpiredBefore(before: string): Promise<void> {
    await this.db.deleteFrom('password_reset_tokens').where('expires_at', '<', before).execute();
  }
}
