import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { ApiTokensTable, DB } from '../../db/schema.js';

/** The `api_tokens` table (resolving a token on a request lives in the session repository). */
export class TokenRepository {
  constructor(private readonly db: Database) {}

  listActive(userId: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  }

  async insert(trx: Kysely<DB>, row: Insertable<ApiTokensTable>): Promise<void> {
    await trx.insertInto('api_tokens').values(row).execute();
  }

  /** Revokes one of the user's live tokens; false when there is none with this id. */
  async revoke(trx: Kysely<DB>, userId: string, id: string, at: string): Promise<boolean> {
    const res = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }
}
