import { sql, type Insertable, type Kysely, type SelectQueryBuilder } from 'kysely';
import { DEAL_OPEN_STAGES, type DealSort } from '../../../common/enums.js';
import type { DealExportQuery as DealFilter, DealListQuery } from '../../../common/schemas/deal.js';
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
    let q = this.filtered(this.base(), actor, f, closed)
      .orderBy(key, sort.dir)
      .orderBy('deals.id', sort.dir)
      .limit(f.limit + 1);
    if (pos) {
      const op = sql.raw(sort.dir === 'asc' ? '>' : '<');
      q = q.where(sql<boolean>`(${key}, deals.id) ${op} (${pos.v}, ${pos.id})`);
    }
    return toPage(await q.execute(), f.limit, (r) => ({ v: sort.value(r), id: r.id }));
  }

  /** How many deals the list would hold and their amounts, per stage and currency (the board's column headers). */
  stageTotals(actor: Actor, f: DealFilter, closed: ClosedRange = {}) {
    const q = this.db.selectFrom('deals').innerJoin('accounts', 'accounts.id', 'deals.account_id');
    return this.filtered(q, actor, f, closed)
      .select((eb) => [
        'deals.stage',
        'deals.currency',
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.sum<number | string>('deals.amount').as('amount'),
      ])
      .groupBy(['deals.stage', 'deals.currency'])
      .orderBy('deals.stage')
      .orderBy('deals.currency')
      .execute();
  }

  /** The list's filters on a query of deals joined to their accounts, scoped to what the actor reads. */
  private filtered<Q extends SelectQueryBuilder<DB, 'deals' | 'accounts', object>>(
    q: Q,
    actor: Actor,
    f: DealFilter,
    closed: ClosedRange,
  ): Q {
    let r = q.where((eb) => dealScope(actor, eb));
    if (f.accountId) r = r.where('deals.account_id', '=', f.accountId);
    if (f.owner) r = r.where('deals.owner_id', '=', f.owner === 'me' ? actor.id : f.owner);
    if (f.stage) r = r.where('deals.stage', '=', f.stage);
    if (f.state === 'open') r = r.where('deals.stage', 'in', DEAL_OPEN_STAGES);
    if (f.state === 'won' || f.state === 'lost') r = r.where('deals.stage', '=', f.state);
    if (f.closeFrom) r = r.where('deals.expected_close_date', '>=', f.closeFrom);
    if (f.closeTo) r = r.where('deals.expected_close_date', '<=', f.closeTo);
    if (closed.from) r = r.where('deals.closed_at', '>=', closed.from);
    if (closed.before) r = r.where('deals.closed_at', '<', closed.before);
    return r as Q;
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
