import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { newId, randomSecret, sha256 } from '../../lib/ids.js';
import { tokenCacheOf, type AuthenticatedUser } from './token-cache.js';

const userColumns = ['users.id', 'users.role', 'users.account_id', 'users.language'] as const;

/** Sessions and API tokens, stored hashed so a copy of the database gives no access. */
export class SessionRepository {
  constructor(private readonly db: Database) {}

  /** Creates a session and returns the secret for the cookie. */
  async create(userId: string, now: Date, ttlMs: number): Promise<string> {
    const secret = randomSecret();
    const at = now.toISOString();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256(secret),
        user_id: userId,
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now.getTime() + ttlMs).toISOString(),
      })
      .execute();
    return secret;
  }

  async delete(secret: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sha256(secret)).execute();
  }

  /** Ends every session of a user, in the caller's transaction. */
  async deleteForUser(trx: Kysely<DB>, userId: string): Promise<void> {
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  /** The active user behind a live session; extends a session past half its life. */
  async resolveSession(secret: string, now: Date, ttlMs: number): Promise<AuthenticatedUser | null> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select([...userColumns, 'sessions.expires_at'])
      .where('sessions.id', '=', sha256(secret))
      .where('sessions.expires_at', '>', now.toISOString())
      .where('users.active', '=', 1)
      .executeTakeFirst();
    if (!row) return null;
    if (new Date(row.expires_at).getTime() - now.getTime() < ttlMs / 2) {
      await this.db
        .updateTable('sessions')
        .set({ expires_at: new Date(now.getTime() + ttlMs).toISOString(), last_seen_at: now.toISOString() })
        .where('id', '=', sha256(secret))
        .execute();
    }
    return row;
  }

  /** The active user behind an unrevoked API token; answered from the token cache for a few seconds. */
  async resolveToken(token: string, now: Date): Promise<AuthenticatedUser | null> {
    const hash = sha256(token);
    const cache = tokenCacheOf(this.db);
    const cached = cache.get(hash, now.getTime());
    if (cached) return cached;
    const began = cache.begin();
    const row = await this.db
      .selectFrom('api_tokens')
      .innerJoin('users', 'users.id', 'api_tokens.user_id')
      .select([...userColumns, 'api_tokens.id as token_id', 'api_tokens.last_used_at'])
      .where('api_tokens.token_hash', '=', hash)
      .where('api_tokens.revoked_at', 'is', null)
      .where('users.active', '=', 1)
      .executeTakeFirst();
    if (!row) return null;
    // Recording every use would turn each read into a write; once a minute is enough.
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('id', '=', row.token_id).execute();
    }
    const user = { id: row.id, role: row.role, account_id: row.account_id, language: row.language };
    cache.keep(hash, user, now.getTime(), began);
    return user;
  }

  async deleteExpired(now: Date): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
  }
}

/** Login failures per key (address or account) in a sliding window. */
export class LoginFailureRepository {
  constructor(private readonly db: Database) {}

  async record(keys: string[], now: Date): Promise<void> {
    await this.db
      .insertInto('login_failures')
      .values(keys.map((key) => ({ id: newId(), key, failed_at: now.toISOString() })))
      .execute();
  }

  /** Failures since `since` per key, with the oldest of each; keys without failures are absent. */
  async countByKeys(keys: string[], since: Date): Promise<Map<string, { count: number; oldest: string }>> {
    const rows = await this.db
      .selectFrom('login_failures')
      .select((eb) => ['key', eb.fn.countAll<number>().as('count'), eb.fn.min('failed_at').as('oldest')])
      .where('key', 'in', keys)
      .where('failed_at', '>', since.toISOString())
      .groupBy('key')
      .execute();
    return new Map(rows.map((r) => [r.key, { count: Number(r.count), oldest: String(r.oldest) }]));
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', key).execute();
  }

  async deleteOlderThan(before: Date): Promise<void> {
    await this.db.deleteFrom('login_failures').where('failed_at', '<', before.toISOString()).execute();
  }
}
