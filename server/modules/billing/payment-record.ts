import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Revenue paid by one account in one currency. */
export interface PaidRevenue {
  accountId: string;
  currency: string;
  paidMinor: number;
}

/** How many of an account's invoices fell due in a period, and how many of them were paid in full by their due date. */
export interface PaymentPunctuality {
  accountId: string;
  due: number;
  onTime: number;
}

/**
 * Every account's payment record in a few set-based statements (for loyalty's nightly
 * evaluation): paid revenue per currency and punctuality, one row per account, never a query
 * per account. Reversed payments do not count; neither do drafts and void invoices.
 */
export class PaymentRecord {
  /** Recorded payments with `from < paid_on <= to`, summed per account and currency. */
  async paidRevenue(t: Kysely<DB>, from: string, to: string): Promise<PaidRevenue[]> {
    const rows = await t
      .selectFrom('payments')
      .where('status', '=', 'recorded')
      .where('paid_on', '>', from)
      .where('paid_on', '<=', to)
      .groupBy(['account_id', 'currency'])
      .select(['account_id', 'currency', (eb) => eb.fn.sum<number | string>('amount_minor').as('paid')])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, currency: r.currency, paidMinor: Number(r.paid) }));
  }

  /** Invoices with `from < due_date <= to`; on time when recorded payments dated by the due date (plus credit) cover the total. */
  async punctuality(t: Kysely<DB>, from: string, to: string): Promise<PaymentPunctuality[]> {
    const paidByDue = t
      .selectFrom('payments as p')
      .innerJoin('invoices as pi', 'pi.id', 'p.invoice_id')
      .where('p.status', '=', 'recorded')
      .where('pi.due_date', '>', from)
      .where('pi.due_date', '<=', to)
      .whereRef('p.paid_on', '<=', 'pi.due_date')
      .groupBy('p.invoice_id')
      .select(['p.invoice_id', (eb) => eb.fn.sum<number | string>('p.amount_minor').as('paid')]);
    const rows = await t
      .selectFrom('invoices as i')
      .leftJoin(paidByDue.as('pd'), 'pd.invoice_id', 'i.id')
      .where('i.kind', '=', 'invoice')
      .where('i.status', 'in', ['issued', 'partially_paid', 'paid'])
      .where('i.due_date', '>', from)
      .where('i.due_date', '<=', to)
      .groupBy('i.account_id')
      .select([
        'i.account_id',
        (eb) => eb.fn.countAll<number | string>().as('due'),
        sql<number | string>`sum(case when coalesce(pd.paid, 0) + i.credited_minor >= i.total_minor then 1 else 0 end)`.as('on_time'),
      ])
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, due: Number(r.due), onTime: Number(r.on_time) }));
  }

  /** The day each of the accounts first paid (a recorded payment), for those that have. */
  async firstPayments(t: Kysely<DB>, accountIds: string[]): Promise<Map<string, string>> {
    if (!accountIds.length) return new Map();
    const rows = await t
      .selectFrom('payments')
      .where('status', '=', 'recorded')
      .where('account_id', 'in', accountIds)
      .groupBy('account_id')
      .select(['account_id', (eb) => eb.fn.min('paid_on').as('first')])
      .execute();
    return new Map(rows.map((r) => [r.account_id, String(r.first)]));
  }
}
