import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { ClaimDeadline } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { num, type Num } from './satisfaction.answers.js';
import { inScope, type ReportScope } from './satisfaction.scope.js';

/** Claims registered in the period, in the scope. */
export function registered(db: Database, s: ReportScope) {
  return db
    .selectFrom('claims')
    .where('claims.created_at', '>=', s.start)
    .where('claims.created_at', '<', s.end)
    .where((eb: ExpressionBuilder<DB, 'claims'>) => inScope(s, eb, 'claims.account_id'));
}

/** The columns of a deadline: when it was due and when it was met (first response, resolution). */
export const DEADLINE_COLUMNS = {
  respond: { due: 'claims.respond_by', done: 'claims.responded_at' },
  resolve: { due: 'claims.resolve_by', done: 'claims.resolved_at' },
} as const;

/**
 * A claim that missed the deadline: met after it, or not met and past it now. Computed rather
 * than read from the recorded breaches, which the deadline job writes only for claims still
 * open when it runs (one answered late between two runs has none).
 */
export function breachedClaim(deadline: ClaimDeadline, now: string) {
  const { due, done } = DEADLINE_COLUMNS[deadline];
  return sql<SqlBool>`(${sql.ref(done)} > ${sql.ref(due)} or (${sql.ref(done)} is null and ${sql.ref(due)} < ${now}))`;
}

/** A claim that met the deadline: responded or resolved by it. */
export function metDeadline(deadline: ClaimDeadline) {
  const { due, done } = DEADLINE_COLUMNS[deadline];
  return sql<SqlBool>`(${sql.ref(done)} is not null and ${sql.ref(done)} <= ${sql.ref(due)})`;
}

/** One deadline's figures before the median. */
export interface DeadlineCounts {
  due: number;
  met: number;
  late: number;
  open: number;
  breaches: number;
  averageHours: number | null;
}

/**
 * The claims' aggregates: counts by category and root cause (the Pareto charts) and how the
 * deadlines were kept; calendar hours from registration, as the deadlines themselves are set.
 */
export class ClaimAggregates {
  constructor(private readonly db: Database) {}

  private hoursSince(done: string): RawBuilder<number> {
    return dialectOf(this.db).name === 'postgres'
      ? sql<number>`extract(epoch from (${sql.ref(done)} - claims.created_at)) / 3600`
      : sql<number>`(julianday(${sql.ref(done)}) - julianday(claims.created_at)) * 24`;
  }

  /** Claims of the period by category, and by root cause where one is recorded. */
  async counts(s: ReportScope) {
    const [categories, causes] = await Promise.all([
      registered(this.db, s)
        .select(['claims.category', sql<Num>`count(*)`.as('claims')])
        .groupBy('claims.category')
        .execute(),
      registered(this.db, s)
        .where('claims.root_cause', 'is not', null)
        .select(['claims.root_cause', sql<Num>`count(*)`.as('claims'), sql<Num>`count(distinct claims.account_id)`.as('accounts')])
        .groupBy('claims.root_cause')
        .execute(),
    ]);
    return {
      byCategory: categories.map((r) => ({ key: r.category, claims: num(r.claims) })),
      byRootCause: causes.map((r) => ({ key: r.root_cause!, claims: num(r.claims), accounts: num(r.accounts) })),
    };
  }

  /** Both deadlines in one statement: met, late, still open, breaches recorded, average hours. */
  async deadlines(s: ReportScope): Promise<Record<ClaimDeadline, DeadlineCounts>> {
    const parts = (['respond', 'resolve'] as const).flatMap((d) => {
      const { due, done } = DEADLINE_COLUMNS[d];
      return [
        sql<Num>`sum(case when ${metDeadline(d)} then 1 else 0 end)`.as(`${d}_met`),
        sql<Num>`sum(case when ${sql.ref(done)} > ${sql.ref(due)} then 1 else 0 end)`.as(`${d}_late`),
        sql<Num>`sum(case when ${breachedClaim(d, s.now)} then 1 else 0 end)`.as(`${d}_breaches`),
        sql<Num | null>`avg(${this.hoursSince(done)})`.as(`${d}_hours`),
      ];
    });
    const row = (await registered(this.db, s)
      .select([sql<Num>`count(*)`.as('due'), ...parts])
      .executeTakeFirstOrThrow()) as unknown as Record<string, Num | null>;
    const of = (d: ClaimDeadline): DeadlineCounts => {
      const met = num(row[`${d}_met`]);
      const late = num(row[`${d}_late`]);
      const hours = row[`${d}_hours`];
      return {
        due: num(row.due),
        met,
        late,
        open: num(row.due) - met - late,
        breaches: num(row[`${d}_breaches`]),
        averageHours: hours === null ? null : Number(hours),
      };
    };
    return { respond: of('respond'), resolve: of('resolve') };
  }

  /**
   * The median hours to meet a deadline over `done` claims: the middle one or two values read
   * from the ordered hours (both databases; SQLite has no percentile function).
   */
  async medianHours(s: ReportScope, deadline: ClaimDeadline, done: number): Promise<number | null> {
    if (done === 0) return null;
    const column = DEADLINE_COLUMNS[deadline].done;
    const hours = this.hoursSince(column);
    const rows = await registered(this.db, s)
      .where(column, 'is not', null)
      .select(hours.as('hours'))
      .orderBy(hours)
      .limit(done % 2 === 0 ? 2 : 1)
      .offset(Math.floor((done - 1) / 2))
      .execute();
    if (rows.length === 0) return null;
    return rows.reduce((sum, r) => sum + Number(r.hours), 0) / rows.length;
  }
}
