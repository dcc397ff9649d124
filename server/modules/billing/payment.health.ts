import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import { BALANCE, OPEN_INVOICE } from './open-invoices.js';

/** How far back invoices count for the average lateness. */
export const LATENESS_WINDOW_DAYS = 180;

/** An account's payment discipline as account health reads it. */
export interface PaymentHealthFacts {
  accountId: string;
  /** The account's currency: the overdue amount and the credit limit are in it. */
  currency: string;
  creditLimitMinor: number | null;
  overdueCount: number;
  /** Overdue balance of the invoices in the account's currency. */
  overdueMinor: number;
  /** Invoices due in the window (the average's base). */
  dueInWindow: number;
  /** Average days late of those invoices: paid ones by their last payment, open ones by today. */
  averageDaysLate: number;
}

/**
 * Payment discipline of one account (or every account, `accountId` null) in two set-based
 * statements: the overdue balance per account, and the invoices due in the last 180 days with
 * their last payment day (their lateness is averaged here, the day arithmetic being portable).
 */
export async function paymentHealthByAccount(
  t: Kysely<DB>,
  accountId: string | null,
  today: string,
): Promise<Map<string, PaymentHealthFacts>> {
  const from = addDays(today, -LATENESS_WINDOW_DAYS);
  const lastPaid = t
    .selectFrom('payments')
    .where('status', '=', 'recorded')
    .groupBy('invoice_id')
    .select(['invoice_id', (eb) => eb.fn.max('paid_on').as('last_paid')]);
  const [overdue, due] = await Promise.all([
    t
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .where(OPEN_INVOICE)
      .where('invoices.due_date', '<', today)
      .$if(accountId !== null, (q) => q.where('invoices.account_id', '=', accountId!))
      .groupBy(['invoices.account_id', 'accounts.currency', 'accounts.credit_limit_minor'])
      .select((eb) => [
        'invoices.account_id',
        'accounts.currency',
        'accounts.credit_limit_minor',
        eb.fn.countAll<number | string>().as('n'),
        sql<number | string>`sum(case when invoices.currency = accounts.currency then ${BALANCE} else 0 end)`.as('owed'),
      ])
      .execute(),
    t
      .selectFrom('invoices')
      .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
      .leftJoin(lastPaid.as('lp'), 'lp.invoice_id', 'invoices.id')
      .where('invoices.kind', '=', 'invoice')
      .where('invoices.status', 'in', ['issued', 'partially_paid', 'paid'])
      .where('invoices.due_date', '>', from)
      .where('invoices.due_date', '<=', today)
      .$if(accountId !== null, (q) => q.where('invoices.account_id', '=', accountId!))
      .select([
        'invoices.account_id',
        'accounts.currency',
        'accounts.credit_limit_minor',
        'invoices.due_date',
        'invoices.status',
        'lp.last_paid',
      ])
      .execute(),
  ]);
  const facts = new Map<string, PaymentHealthFacts>();
  const of = (r: { account_id: string; currency: string; credit_limit_minor: number | null }) => {
    let f = facts.get(r.account_id);
    if (!f) {
      f = {
        accountId: r.account_id,
        currency: r.currency,
        creditLimitMinor: r.credit_limit_minor,
        overdueCount: 0,
        overdueMinor: 0,
        dueInWindow: 0,
        averageDaysLate: 0,
      };
      facts.set(r.account_id, f);
    }
    return f;
  };
  for (const r of overdue) Object.assign(of(r), { overdueCount: Number(r.n), overdueMinor: Number(r.owed) });
  const lateSum = new Map<string, number>();
  for (const r of due) {
    const f = of(r);
    // A paid invoice settled by a credit note alone has no payment day: it was not late.
    const settledOn = r.status === 'paid' ? String(r.last_paid ?? r.due_date) : today;
    f.dueInWindow += 1;
    lateSum.set(r.account_id, (lateSum.get(r.account_id) ?? 0) + Math.max(0, daysBetween(r.due_date!, settledOn)));
  }
  for (const [id, sum] of lateSum) {
    const f = facts.get(id)!;
    f.averageDaysLate = Math.round((sum / f.dueInWindow) * 10) / 10;
  }
  return facts;
}
