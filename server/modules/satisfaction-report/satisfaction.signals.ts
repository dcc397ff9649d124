import { sql, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import { BALANCE, OPEN_INVOICE } from '../billing/index.js';
import { num, type Num } from './satisfaction.answers.js';
import { inScope, type ReportScope } from './satisfaction.scope.js';

/**
 * Late: due in the period and done after its due date, or not done and its due date passed
 * (before today, in the agency's calendar).
 */
export const lateWork = (table: 'milestones' | 'tasks', today: string) =>
  sql<SqlBool>`((${sql.ref(`${table}.done_on`)} is null and ${sql.ref(`${table}.due_date`)} < ${today}) or ${sql.ref(`${table}.done_on`)} > ${sql.ref(`${table}.due_date`)})`;

/** The day an invoice was last paid: its latest recorded payment. */
export const LAST_PAID = sql<string>`(select max(p.paid_on) from payments p where p.invoice_id = invoices.id and p.status = 'recorded')`;

/** Issued invoices (not credit notes) fully paid, the last payment after the due date. */
export const PAID_LATE = sql<SqlBool>`invoices.kind = 'invoice' and invoices.status = 'paid' and ${LAST_PAID} > invoices.due_date`;

/** Days from one calendar date to another, in SQL. */
export function daysBetween(db: Database, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number> {
  return dialectOf(db).name === 'postgres'
    ? sql<number>`(${to}::date - ${from}::date)`
    : sql<number>`cast(julianday(${to}) - julianday(${from}) as integer)`;
}

/** Calendar-dated rows (`table.due_date`) of the period. */
const duePeriod = (s: ReportScope, column: string) => sql<SqlBool>`${sql.ref(column)} >= ${s.from} and ${sql.ref(column)} <= ${s.to}`;

/**
 * Delivery and payment signals per account, each one GROUP BY statement: milestones and tasks
 * due in the period and late, invoices due in the period paid late, and those owed past due.
 */
export class SignalAggregates {
  constructor(private readonly db: Database) {}

  /** Late milestones per account (through their project). */
  async lateMilestones(s: ReportScope) {
    const rows = await this.db
      .selectFrom('milestones')
      .innerJoin('projects', 'projects.id', 'milestones.project_id')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .where(duePeriod(s, 'milestones.due_date'))
      .where(lateWork('milestones', s.today))
      .where((eb: ExpressionBuilder<DB, 'projects'>) => inScope(s, eb, 'projects.account_id'))
      .select(['projects.account_id', 'accounts.name', sql<Num>`count(*)`.as('late')])
      .groupBy(['projects.account_id', 'accounts.name'])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, name: r.name, late: num(r.late) }));
  }

  /** Late tasks per account. */
  async lateTasks(s: ReportScope) {
    const rows = await this.db
      .selectFrom('tasks')
      .innerJoin('accounts', 'accounts.id', 'tasks.account_id')
      .where(duePeriod(s, 'tasks.due_date'))
      .where(lateWork('tasks', s.today))
      .where((eb: ExpressionBuilder<DB, 'tasks'>) => inScope(s, eb, 'tasks.account_id'))
      .select(['tasks.account_id', 'accounts.name', sql<Num>`count(*)`.as('late')])
      .groupBy(['tasks.account_id', 'accounts.name'])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, name: r.name, late: num(r.late) }));
  }

  private invoicesDue(s: ReportScope) {
    return this.db
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .where(duePeriod(s, 'invoices.due_date'))
      .where((eb: ExpressionBuilder<DB, 'invoices'>) => inScope(s, eb, 'invoices.account_id'));
  }

  /**
   * Invoices due in the period and paid after it, per account: how many and the average days
   * late. The last payment day is read once per invoice (a materialized step), not once for the
   * filter and again for the average.
   */
  async paidLate(s: ReportScope) {
    const days = daysBetween(this.db, sql`paid.due_date`, sql`paid.last_paid`);
    const rows = await this.db
      .with(
        (cte) => cte('paid').materialized(),
        () =>
          this.invoicesDue(s)
            .where(sql<SqlBool>`invoices.kind = 'invoice' and invoices.status = 'paid'`)
            .select(['invoices.account_id', 'accounts.name', 'invoices.due_date', LAST_PAID.as('last_paid')]),
      )
      .selectFrom('paid')
      .where(sql<SqlBool>`paid.last_paid > paid.due_date`)
      .select(['paid.account_id', 'paid.name', sql<Num>`count(*)`.as('invoices'), sql<Num>`avg(${days})`.as('days')])
      .groupBy(['paid.account_id', 'paid.name'])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, name: r.name, invoices: num(r.invoices), averageDays: Number(r.days) }));
  }

  /** Invoices due in the period still owed past due today, per account and currency: how many and how much. */
  async overdue(s: ReportScope) {
    const rows = await this.invoicesDue(s)
      .where(OPEN_INVOICE)
      .where('invoices.due_date', '<', s.today)
      .select([
        'invoices.account_id',
        'accounts.name',
        'invoices.currency',
        sql<Num>`count(*)`.as('invoices'),
        sql<Num>`sum(${BALANCE})`.as('owed'),
      ])
      .groupBy(['invoices.account_id', 'accounts.name', 'invoices.currency'])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, name: r.name, currency: r.currency, invoices: num(r.invoices), owed: num(r.owed) }));
  }
}
