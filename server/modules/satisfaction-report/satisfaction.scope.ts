import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { SATISFACTION_REPORT_MAX_MONTHS, type SatisfactionScopeQuery } from '../../../common/schemas/satisfaction-report.js';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../lib/dates.js';
import { fieldError, forbidden, notFound } from '../../lib/errors.js';
import { startOfLocalDay } from '../../lib/timezone.js';
import { accountIdScope, assertCanReadAccount, assertSeesInternal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';

/** `YYYY-MM` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
}

const monthsBetween = (from: string, to: string): number => {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm);
};

const lastDayOf = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1);

/** A month of the period: its name and the instants it spans (its part inside the period). */
export interface PeriodMonth {
  month: string;
  start: string;
  end: string;
}

/**
 * The report's period and whose records it reads. Dates are the agency's: a day runs from
 * its local midnight, so timestamps (answers, claims) are compared with those instants and
 * calendar dates (due dates) with the days themselves.
 */
export interface ReportScope {
  actor: Actor;
  accountId: string | null;
  ownerId: string | null;
  from: string;
  to: string;
  today: string;
  /** This instant, for deadlines still running. */
  now: string;
  /** [start, end) of the period as UTC instants. */
  start: string;
  end: string;
  months: PeriodMonth[];
}

/** The period asked for: a month reads as its first day (from) or its last (to); the last twelve months by default. */
export function reportPeriod(query: Pick<SatisfactionScopeQuery, 'from' | 'to'>, today: string, timeZone: string) {
  const thisMonth = today.slice(0, 7);
  const from = !query.from ? `${addMonths(thisMonth, -11)}-01` : query.from.length === 7 ? `${query.from}-01` : query.from;
  const to = !query.to ? lastDayOf(thisMonth) : query.to.length === 7 ? lastDayOf(query.to) : query.to;
  if (to < from) throw fieldError('to', 'deal_report.period_order');
  const span = monthsBetween(from.slice(0, 7), to.slice(0, 7));
  if (span >= SATISFACTION_REPORT_MAX_MONTHS)
    throw fieldError('to', 'deal_report.period_length', { months: SATISFACTION_REPORT_MAX_MONTHS });
  const instant = (day: string) => startOfLocalDay(day, timeZone).toISOString();
  const months = Array.from({ length: span + 1 }, (_, i) => {
    const month = addMonths(from.slice(0, 7), i);
    const first = i === 0 ? from : `${month}-01`;
    const last = i === span ? to : lastDayOf(month);
    return { month, start: instant(first), end: instant(addDays(last, 1)) };
  });
  return { from, to, start: instant(from), end: instant(addDays(to, 1)), months };
}

/**
 * Checks who may read the report of what: staff who read internal records; a manager only their
 * own accounts (another manager's answers 403, an account not theirs 404 as if it did not exist).
 */
export async function resolveScope(
  actor: Actor,
  query: SatisfactionScopeQuery,
  accounts: AccountService,
): Promise<{ accountId: string | null; ownerId: string | null }> {
  assertSeesInternal(actor);
  if (query.account && query.owner) throw fieldError('owner', 'satisfaction_report.one_scope');
  const ownerId = query.owner === 'me' ? actor.id : (query.owner ?? null);
  if (ownerId && actor.role === 'account_manager' && ownerId !== actor.id) throw forbidden('satisfaction_report.other_owner');
  if (query.account) {
    const account = await accounts.findOwned(query.account);
    if (!account) throw notFound('account');
    assertCanReadAccount(actor, account);
  }
  return { accountId: query.account ?? null, ownerId };
}

/** "The row's account (in `column`) is in the report's scope", for any table with an account column. */
export function inScope<TB extends keyof DB>(s: ReportScope, eb: ExpressionBuilder<DB, TB>, column: string): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [accountIdScope(s.actor, eb, column)];
  if (s.accountId) parts.push(sql<SqlBool>`${sql.ref(column)} = ${s.accountId}`);
  if (s.ownerId) parts.push(sql<SqlBool>`${sql.ref(column)} in (select accounts.id from accounts where accounts.owner_id = ${s.ownerId})`);
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** The period's month (`YYYY-MM`) a timestamp column falls in, by the agency's month boundaries. */
export function monthOf(s: ReportScope, column: string) {
  const whens = s.months.map((m) => sql`when ${sql.ref(column)} < ${m.end} then ${m.month}`);
  return sql<string>`case ${sql.join(whens, sql` `)} end`;
}
