import { sql, type Insertable, type Kysely } from 'kysely';
import { DEAL_OPEN_STAGES, type DealSort } from '../../../common/enums.js';
import type { DealListQuery } from '../../../common/schemas/deal.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { DealStageChangesTable, DealsTable } from '../../db/tables/deals.js';
import { fieldError } from '../../lib/errors.js';
import { decodeCursor, toPage, type CursorKind } from '../../lib/pagination.js';
import { dealScope, type Actor } from '../access/index.js';

/** Each sort: its key column, direction, and what the cursor holds. Closed deals have no next step date; they sort last. */
const SORTS: Record<DealSort, { key: string; dir: 'asc' | 'desc'; kind: CursorKind; value: (r: DealRow) => string | number }> = {
  close: { key: 'deals.expected_close_date', dir: 'asc', kind: 'date', value: (r) => r.expected_close_date },
  next_step: {
    key: "coalesce(deals.next_step_due, '9999-12-31')",
    dir: 'asc',
    kind: 'date',
    value: (r) => r.next_step_due ?? '9999-12-31',
  },
  amount: { key: 'deals.amount', dir: 'desc', kind: 'any', value: (r) => r.amount },
};

/** When deals closed: from this instant, and before that one. */
export interface ClosedRange {
  from?: string;
  before?: string;
}

/** The `deals` and `deal_stage_changes` tables; a deal is read with its account's name, status and managers and its owner's name. */
export class DealRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('deals')
      .innerJoin('accounts', 'accounts.id', 'deals.account_id')
      .leftJoin('users', 'users.id', 'deals.owner_id')
      .selectAll('deals')
      .select([
        'accounts.name as account_name',
        'accounts.status as account_status',
        'accounts.owner_id as account_owner_id',
        'accounts.backup_owner_id',
        'users.name as owner_name',
      ]);
  }

  find(id: string, trx?: Kysely<DB>) {
    return this.base(trx).where('deals.id', '=', id).executeTakeFirst();
  }

  /**
   * Deals the actor reads (scoped in the query), filtered, in the chosen order, a page at a time.
   * `closed` bounds when they closed, as instants (the service turns the query's dates into them).
   */
  async list(actor: Actor, f: DealListQuery, closed: ClosedRange = {}) {
    const sort = SORTS[f.sort];
    const pos = decodeCursor(f.cursor, sort.kind);
    if (pos && f.sort === 'amount' && typeof pos.v !== 'number') throw fieldError('cursor', 'validation.cursor');
    const key = sql.raw(sort.key);
    let q = this.base()
      .where((eb) => dealScope(actor, eb))
      .orderBy(key, sort.dir)
      .orderBy('deals.id', sort.dir)
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('deals.account_id', '=', f.accountId);
    if (f.owner) q = q.where('deals.owner_id', '=', f.owner === 'me' ? actor.id : f.owner);
    if (f.stage) q = q.where('deals.stage', '=', f.stage);
    if (f.state === 'open') q = q.where('deals.stage', 'in', DEAL_OPEN_STAGES);
    if (f.state === 'won' || f.state === 'lost') q = q.where('deals.stage', '=', f.state);
    if (f.closeFrom) q = q.where('deals.expected_close_date', '>=', f.closeFrom);
    if (f.closeTo) q = q.where('deals.expected_close_date', '<=', f.closeTo);
    if (closed.from) q = q.where('deals.closed_at', '>=', closed.from);
    if (closed.before) q = q.where('deals.closed_at', '<', closed.before);
    if (pos) {
      const op = sql.raw(sort.dir === 'asc' ? '>' : '<');
      q = q.where(sql<boolean>`(${key}, deals.id) ${op} (${pos.v}, ${pos.id})`);
    }
    return toPage(await q.execute(), f.limit, (r) => ({ v: sort.value(r), id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<DealsTable>): Promise<void> {
    await trx.insertInto('deals').values(row).execute();
  }

  async addStageChange(trx: Kysely<DB>, row: Insertable<DealStageChangesTable>): Promise<void> {
    await trx.insertInto('deal_stage_changes').values(row).execute();
  }

  /** A deal's moves, oldest first. */
  stageChanges(dealId: string, trx: Kysely<DB> = this.db) {
    return trx.selectFrom('deal_stage_changes').selectAll().where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute();
  }
}

export type DealRow = NonNullable<Awaited<ReturnType<DealRepository['find']>>>;
