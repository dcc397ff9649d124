import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { claimScope, type Actor } from '../access/index.js';
import type { ClaimRepository } from './claim.repository.js';
import type { ClaimSettingsService } from './claim.settings.js';

/** A claim as the modules that analyse claims need it: whose it is and its root cause. */
export interface ClaimFact {
  id: string;
  accountId: string;
  accountName: string;
  ownerId: string | null;
  backupOwnerId: string | null;
  rootCause: string | null;
  createdAt: string;
}

/**
 * Claims read for analysis by the modules above (corrective actions): one claim, the claims of a
 * root cause the actor reads, and how often a root cause recurred since a date. Access to a single
 * claim is the caller's to check (the fact carries the account's managers).
 */
export class ClaimFacts {
  constructor(
    private readonly db: Database,
    private readonly repo: ClaimRepository,
    private readonly settings: ClaimSettingsService,
  ) {}

  async find(id: string, trx?: Kysely<DB>): Promise<ClaimFact | undefined> {
    const r = await this.repo.find(id, trx);
    return r && { ...this.factOf(r), ownerId: r.owner_id, backupOwnerId: r.backup_owner_id };
  }

  /** The configured root causes' keys. */
  async rootCauseKeys(trx?: Kysely<DB>): Promise<string[]> {
    return (await this.settings.load(trx)).rootCauses.map((r) => r.key);
  }

  /** The claims of a root cause that the actor reads, newest first, at most `limit`. */
  async ofRootCause(trx: Kysely<DB>, actor: Actor, rootCause: string, limit: number): Promise<ClaimFact[]> {
    const rows = await this.base(trx)
      .where((eb) => claimScope(actor, eb))
      .where('claims.root_cause', '=', rootCause)
      .orderBy('claims.created_at', 'desc')
      .orderBy('claims.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...this.factOf(r), ownerId: r.owner_id, backupOwnerId: r.backup_owner_id }));
  }

  /**
   * Claims of the root cause registered at or after `since` (on one account when given), not
   * counting `except`: how many, and the newest `limit` of them. Served by claims(root_cause, created_at).
   */
  async recurrences(
    q: { rootCause: string; since: string; accountId?: string; except: string[]; limit: number },
    trx: Kysely<DB> = this.db,
  ) {
    let base = trx.selectFrom('claims').where('claims.root_cause', '=', q.rootCause).where('claims.created_at', '>=', q.since);
    if (q.accountId) base = base.where('claims.account_id', '=', q.accountId);
    if (q.except.length) base = base.where('claims.id', 'not in', q.except);
    const counted = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const rows = await base
      .select(['claims.id', 'claims.account_id', 'claims.created_at'])
      .orderBy('claims.created_at', 'desc')
      .orderBy('claims.id', 'desc')
      .limit(q.limit)
      .execute();
    return { count: Number(counted.n), claims: rows.map((r) => ({ id: r.id, accountId: r.account_id, createdAt: r.created_at })) };
  }

  private base(trx: Kysely<DB>) {
    return trx
      .selectFrom('claims')
      .innerJoin('accounts', 'accounts.id', 'claims.account_id')
      .select([
        'claims.id',
        'claims.account_id',
        'accounts.name as account_name',
        'accounts.owner_id',
        'accounts.backup_owner_id',
        'claims.root_cause',
        'claims.created_at',
      ]);
  }

  private factOf(r: { id: string; account_id: string; account_name: string; root_cause: string | null; created_at: string }) {
    return {
      id: r.id,
      accountId: r.account_id,
      accountName: r.account_name,
      ownerId: null,
      backupOwnerId: null,
      rootCause: r.root_cause,
      createdAt: r.created_at,
    } satisfies ClaimFact;
  }
}
