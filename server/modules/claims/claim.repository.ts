import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { ClaimDeadline } from '../../../common/enums.js';
import type { ClaimListQuery } from '../../../common/schemas/claim.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ClaimBreachesTable, ClaimLinksTable, ClaimsTable } from '../../db/tables/claims.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { likePattern, matchesPattern } from '../../lib/text.js';
import { claimScope, type Actor } from '../access/index.js';

type Eb = ExpressionBuilder<DB, 'claims'>;

/** A missed deadline as SQL, `now` being the time it is judged at: still not met, or met late. */
export function missed(eb: Eb, deadline: ClaimDeadline, now: string): Expression<SqlBool> {
  const [done, by] =
    deadline === 'respond'
      ? (['claims.responded_at', 'claims.respond_by'] as const)
      : (['claims.resolved_at', 'claims.resolve_by'] as const);
  // Both branches are true or false, never null, so `not` of it is the claims on time.
  return eb.or([eb.and([eb(done, 'is', null), eb(by, '<', now)]), eb.and([eb(done, 'is not', null), eb(done, '>', eb.ref(by))])]);
}

/** The `claims`, `claim_links` and `claim_breaches` tables; a claim is read with its account's name and managers and its project's name. */
export class ClaimRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('claims')
      .innerJoin('accounts', 'accounts.id', 'claims.account_id')
      .leftJoin('projects', 'projects.id', 'claims.project_id')
      .selectAll('claims')
      .select(['accounts.name as account_name', 'accounts.owner_id', 'accounts.backup_owner_id', 'projects.name as project_name']);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('claims.id', '=', id).executeTakeFirst();
  }

  /** Claims the actor reads (scoped in the query), filtered, newest first, a page at a time. */
  async list(actor: Actor, f: ClaimListQuery, now: string) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where((eb) => claimScope(actor, eb))
      .orderBy('claims.created_at', 'desc')
      .orderBy('claims.id', 'desc')
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('claims.account_id', '=', f.accountId);
    if (f.projectId) q = q.where('claims.project_id', '=', f.projectId);
    if (f.status) q = q.where('claims.status', '=', f.status);
    if (f.severity) q = q.where('claims.severity', '=', f.severity);
    if (f.category) q = q.where('claims.category', '=', f.category);
    if (f.breached !== undefined) {
      const breached = (eb: Eb) => eb.or([missed(eb, 'respond', now), missed(eb, 'resolve', now)]);
      q = q.where((eb) => (f.breached ? breached(eb) : eb.not(breached(eb))));
    }
    if (f.q) q = q.where(matchesPattern('claims.search_text', likePattern(f.q)));
    if (pos) q = q.where((eb) => afterCursor(eb, 'claims.created_at', 'claims.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  /** A client company's claims, newest first. */
  async listOfAccount(accountId: string, f: { limit: number; cursor?: string }) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.base()
      .where('claims.account_id', '=', accountId)
      .orderBy('claims.created_at', 'desc')
      .orderBy('claims.id', 'desc')
      .limit(f.limit + 1);
    if (pos) q = q.where((eb) => afterCursor(eb, 'claims.created_at', 'claims.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<ClaimsTable>): Promise<void> {
    await trx.insertInto('claims').values(row).execute();
  }

  /** The specialists and projects linked to each claim, with their names. */
  async links(claimIds: string[], trx: Kysely<DB> = this.db) {
    if (!claimIds.length) return [];
    return trx
      .selectFrom('claim_links')
      .leftJoin('users', (j) => j.onRef('users.id', '=', 'claim_links.ref_id').on('claim_links.kind', '=', 'user'))
      .leftJoin('projects', (j) => j.onRef('projects.id', '=', 'claim_links.ref_id').on('claim_links.kind', '=', 'project'))
      .select([
        'claim_links.claim_id',
        'claim_links.kind',
        'claim_links.ref_id',
        sql<string>`coalesce(users.name, projects.name, '')`.as('name'),
      ])
      .where('claim_links.claim_id', 'in', claimIds)
      .orderBy('name')
      .execute();
  }

  /** Replaces one kind of a claim's links. */
  async setLinks(trx: Kysely<DB>, claimId: string, kind: ClaimLinksTable['kind'], refIds: string[]): Promise<void> {
    await trx.deleteFrom('claim_links').where('claim_id', '=', claimId).where('kind', '=', kind).execute();
    if (refIds.length)
      await trx
        .insertInto('claim_links')
        .values(refIds.map((ref_id) => ({ claim_id: claimId, kind, ref_id })))
        .execute();
  }

  /** Projects of the account among `ids`. */
  async projectsOfAccount(trx: Kysely<DB>, accountId: string, ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await trx.selectFrom('projects').select('id').where('account_id', '=', accountId).where('id', 'in', ids).execute();
    return rows.map((r) => r.id);
  }

  /** Claims past a deadline with no breach recorded for it yet, oldest deadline first. */
  overdue(deadline: ClaimDeadline, now: string, limit: number) {
    const [done, by] = deadline === 'respond' ? (['responded_at', 'respond_by'] as const) : (['resolved_at', 'resolve_by'] as const);
    return this.base()
      .where(`claims.${done}`, 'is', null)
      .where(`claims.${by}`, '<', now)
      .where('claims.status', '!=', 'closed')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('claim_breaches')
              .select('claim_breaches.id')
              .whereRef('claim_breaches.claim_id', '=', 'claims.id')
              .where('claim_breaches.deadline', '=', deadline),
          ),
        ),
      )
      .orderBy(`claims.${by}`)
      .limit(limit)
      .execute();
  }

  /** Records a breach unless one is recorded already; answers whether this call recorded it (a racing runner gets false). */
  async recordBreach(trx: Kysely<DB>, row: Insertable<ClaimBreachesTable>): Promise<boolean> {
    const done = await trx
      .insertInto('claim_breaches')
      .values(row)
      .onConflict((oc) => oc.columns(['claim_id', 'deadline']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return done !== undefined;
  }

  async setAlerted(trx: Kysely<DB>, id: string, alerted: number): Promise<void> {
    await trx.updateTable('claim_breaches').set({ alerted }).where('id', '=', id).execute();
  }

  /** Resolved claims whose resolution is older than `before`: due to close by themselves. */
  resolvedBefore(before: string, limit: number) {
    return this.base()
      .where('claims.status', '=', 'resolved')
      .where('claims.resolved_at', '<', before)
      .orderBy('claims.resolved_at')
      .limit(limit)
      .execute();
  }

  /** Open critical claims (received or in progress) per account, in one statement over every account. */
  async openCriticalByAccount(trx: Kysely<DB>): Promise<Map<string, number>> {
    const rows = await trx
      .selectFrom('claims')
      .where('severity', '=', 'critical')
      .where('status', 'in', ['received', 'in_progress'])
      .groupBy('account_id')
      .select(['account_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .execute();
    return new Map(rows.map((r) => [r.account_id, Number(r.n)]));
  }
}

export type ClaimRow = NonNullable<Awaited<ReturnType<ClaimRepository['find']>>>;
export type ClaimLinkRow = Awaited<ReturnType<ClaimRepository['links']>>[number];
