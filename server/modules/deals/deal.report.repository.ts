import { sql, type ExpressionBuilder } from 'kysely';
import { DEAL_OPEN_STAGES, type DealStage } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { dealScope, type Actor } from '../access/index.js';

/** What the report reads: the deals the actor reads, of one owner when given. */
export interface ReportScope {
  actor: Actor;
  ownerId: string | null;
}

/** Open deals due before `monthStart` (overdue), and those expected from `from` to `to`. */
export interface ForecastWindow {
  monthStart: string;
  from: string;
  to: string;
}

/** Deals closed from `start` (inclusive) to `end` (exclusive), UTC instants. */
export interface ClosedWindow {
  start: string;
  end: string;
}

/** Aggregates come back as numbers on SQLite and as text (bigint, numeric) on PostgreSQL. */
type Num = number | string;
const num = (v: Num | null): number => (v === null ? 0 : Number(v));

/**
 * The sales report's aggregates, each one GROUP BY statement on the `deals` table (its stage
 * changes for cycle length): nothing here reads deals one by one.
 */
export class DealReportRepository {
  constructor(private readonly db: Database) {}

  private scoped(s: ReportScope) {
    let q = this.db.selectFrom('deals').where((eb) => dealScope(s.actor, eb));
    if (s.ownerId) q = q.where('deals.owner_id', '=', s.ownerId);
    return q;
  }

  private closedIn(s: ReportScope, w: ClosedWindow, stages: DealStage[]) {
    return this.scoped(s).where('deals.stage', 'in', stages).where('deals.closed_at', '>=', w.start).where('deals.closed_at', '<', w.end);
  }

  /**
   * Open deals by currency, bucket (`overdue` or the expected close month) and stage: their
   * count, amount, and weighted amount. Each deal's weight is amount × probability / 100 rounded
   * half away from zero (lib/money's rule; amounts are never negative, so adding 50 before the
   * integer division is that rounding), summed per bucket as an invoice sums its lines.
   */
  async forecast(s: ReportScope, w: ForecastWindow) {
    const month =
      dialectOf(this.db).name === 'postgres'
        ? sql<string>`to_char(deals.expected_close_date, 'YYYY-MM')`
        : sql<string>`substr(deals.expected_close_date, 1, 7)`;
    const bucket = sql<string>`case when deals.expected_close_date < ${w.monthStart} then 'overdue' else ${month} end`;
    const rows = await this.scoped(s)
      .where('deals.stage', 'in', DEAL_OPEN_STAGES)
      .where((eb) =>
        eb.or([
          eb('deals.expected_close_date', '<', w.monthStart),
          eb.and([eb('deals.expected_close_date', '>=', w.from), eb('deals.expected_close_date', '<=', w.to)]),
        ]),
      )
      .select([
        'deals.currency',
        'deals.stage',
        bucket.as('bucket'),
        sql<Num>`count(*)`.as('deals'),
        sql<Num>`sum(deals.amount)`.as('amount'),
        sql<Num>`sum((deals.amount * deals.probability + 50) / 100)`.as('weighted'),
      ])
      // By the output column: PostgreSQL would not take the expression again with its parameter bound twice.
      .groupBy(['deals.currency', sql.ref('bucket'), 'deals.stage'])
      .execute();
    return rows.map((r) => ({
      currency: r.currency,
      bucket: r.bucket,
      stage: r.stage,
      deals: num(r.deals),
      amount: num(r.amount),
      weighted: num(r.weighted),
    }));
  }

  /** Deals won and lost in the window, by owner. */
  async closedByOwner(s: ReportScope, w: ClosedWindow) {
    const rows = await this.closedIn(s, w, ['won', 'lost'])
      .leftJoin('users', 'users.id', 'deals.owner_id')
      .select(['deals.owner_id', 'users.name as owner_name', 'deals.stage', sql<Num>`count(*)`.as('deals')])
      .groupBy(['deals.owner_id', 'users.name', 'deals.stage'])
      .execute();
    return rows.map((r) => ({ ownerId: r.owner_id, ownerName: r.owner_name, stage: r.stage, deals: num(r.deals) }));
  }

  /**
   * Won and lost deals closed in the window: how many, and the average days from each one's
   * opening (its first recorded stage; its creation if none was) to its closing.
   */
  async cycle(s: ReportScope, w: ClosedWindow) {
    const opened = (eb: ExpressionBuilder<DB, 'deals'>) =>
      eb.fn.coalesce(
        eb
          .selectFrom('deal_stage_changes as c')
          .select((c) => c.fn.min('c.at').as('at'))
          .whereRef('c.deal_id', '=', 'deals.id'),
        eb.ref('deals.created_at'),
      );
    const days =
      dialectOf(this.db).name === 'postgres'
        ? (eb: ExpressionBuilder<DB, 'deals'>) => sql<Num>`extract(epoch from (deals.closed_at - ${opened(eb)})) / 86400`
        : (eb: ExpressionBuilder<DB, 'deals'>) => sql<Num>`julianday(deals.closed_at) - julianday(${opened(eb)})`;
    const rows = await this.closedIn(s, w, ['won', 'lost'])
      .select((eb) => ['deals.stage', sql<Num>`count(*)`.as('deals'), sql<Num | null>`avg(${days(eb)})`.as('days')])
      .groupBy('deals.stage')
      .execute();
    return rows.map((r) => ({ stage: r.stage, deals: num(r.deals), averageDays: r.days === null ? null : Number(r.days) }));
  }

  /** Deals lost in the window by reason and currency: how many, and their amount. */
  async lostReasons(s: ReportScope, w: ClosedWindow) {
    const rows = await this.closedIn(s, w, ['lost'])
      .select(['deals.lost_reason', 'deals.currency', sql<Num>`count(*)`.as('deals'), sql<Num>`sum(deals.amount)`.as('amount')])
      .groupBy(['deals.lost_reason', 'deals.currency'])
      .execute();
    return rows.map((r) => ({ reason: r.lost_reason, currency: r.currency, deals: num(r.deals), amount: num(r.amount) }));
  }
}
