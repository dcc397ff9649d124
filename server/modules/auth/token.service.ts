import type { ApiToken } from '../../../common/schemas/auth.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { newId, randomSecret, sha256 } from '../../lib/ids.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { TokenRepository } from './token.repository.js';
import { tokenCacheOf } from './token-cache.js';

const TOKEN_PREFIX = 'lia_';

/** Personal API tokens: stored as a hash, shown once, revocable; each belongs to one user. */
export class TokenService {
  private readonly repo: TokenRepository;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.repo = new TokenRepository(db);
  }

  async list(actor: Actor): Promise<ApiToken[]> {
    const rows = await this.repo.listActive(actor.id);
    return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
  }

  async create(actor: Actor, name: string): Promise<ApiToken & { token: string }> {
    const token = TOKEN_PREFIX + randomSecret();
    const id = newId();
    const now = this.clock.now().toISOString();
    const prefix = token.slice(0, TOKEN_PREFIX.length + 6);
    await this.db.transaction().execute(async (t) => {
      await this.repo.insert(t, {
        id,
        user_id: actor.id,
        name,
        prefix,
        token_hash: sha256(token),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      });
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
      if (!(await this.repo.revoke(t, actor.id, id, now))) throw notFound('api_token');
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
