import type { ApiToken } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId, randomSecret, sha256 } from '../../lib/ids.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.recorder.js';
import { tokenCacheOf } from './token-cache.js';

const TOKEN_PREFIX = 'lia_';

/** Personal API tokens: stored as a hash, shown once, revocable; each belongs to one user. */
export class TokenService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<ApiToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
      .where('user_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  async create(actor: Actor, name: string): Promise<ApiToken & { token: string }> {
    const token = TOKEN_PREFIX + randomSecret();
    const id = newId();
    const now = this.clock.now().toISOString();
    const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
    await this.db.transaction().execute(async (t) => {
      await t
        .insertInto('api_tokens')
        .values({ id, user_id: actor.id, name, prefix, token_hash: sha256(token), created_at: now, last_used_at: null, revoked_at: null })
        .execute();
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'api_token',
        recordId: id,
        action: 'create',
        after: { name, prefix },
        at: now,
      });
    });
    return { id, name, prefix, createdAt: now, lastUsedAt: null, token };
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.db.transaction().execute(async (t) => {
      const res = await t
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('user_id', '=', actor.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (res.numUpdatedRows === 0n) throw notFound('API token');
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'api_token',
        recordId: id,
        action: 'delete',
        before: { revokedAt: null },
        after: { revokedAt: now },
        at: now,
      });
    });
    tokenCacheOf(this.db).clear(); // revoked at once on this instance
  }
}
