import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';

export interface StatementRow {
  date: string;
  type: 'invoice' | 'credit_note' | 'payment' | 'payment_reversal';
  reference: string | null;
  invoice_id: string;
  payment_id: string | null;
  amount: number; // positive raises the balance, negative lowers it
  at: string;
}

/** Documents and money movements of one account in one currency, and their sum before a date. */
export class StatementRepository {
  constructor(private readonly db: Database) {}

  private documents(trx: Kysely<DB>, accountId: string, currency: string) {
    return trx
      .selectFrom('invoices')
      .where('account_id', '=', accountId)
      .where('currency', '=', currency)
      .where('status', 'not in', ['draft', 'void'])
      .where('issue_date', 'is not', null);
  }

  private payments(trx: Kysely<DB>, accountId: string, currency: string) {
    return trx
      .selectFrom('payments')
      .innerJoin('invoices', 'invoices.id', 'payments.invoice_id')
      .where('payments.account_id', '=', accountId)
      .where('payments.currency', '=', currency);
  }

  /** Balance carried into the statement: everything dated before `from`. */
  async balanceBefore(accountId: string, currency: string, from: string): Promise<number> {
    const [docs, paid, reversed] = await Promise.all([
      this.documents(this.db, accountId, currency)
        .select(sql<number>`coalesce(sum(total_minor), 0)`.as('v'))
        .where('issue_date', '<', from)
        .executeTakeFirstOrThrow(),
      this.payments(this.db, accountId, currency)
        .select(sql<number>`coalesce(sum(payments.amount_minor), 0)`.as('v'))
        .where('payments.paid_on', '<', from)
        .executeTakeFirstOrThrow(),
      this.payments(this.db, accountId, currency)
        .select(sql<number>`coalesce(sum(payments.amount_minor), 0)`.as('v'))
        .where('payments.status', '=', 'reversed')
        .where('payments.reversed_on', '<', from)
        .executeTakeFirstOrThrow(),
    ]);
    return Number(docs.v) - Number(paid.v) + Number(reversed.v);
  }

  /** Entries dated within [from, to], in date order. */
  async entries(accountId: string, currency: string, from: string, to: string): Promise<StatementRow[]> {
    const [docs, paid, reversed] = await Promise.all([
      this.documents(this.db, accountId, currency)
        .select(['id', 'kind', 'number', 'issue_date', 'total_minor', 'created_at'])
        .where('issue_date', '>=', from)
        .where('issue_date', '<=', to)
        .execute(),
      this.payments(this.db, accountId, currency)
        .select([
          'payments.id',
          'payments.invoice_id',
          'invoices.number',
          'payments.paid_on',
          'payments.amount_minor',
          'payments.created_at',
        ])
        .where('payments.paid_on', '>=', from)
        .where('payments.paid_on', '<=', to)
        .execute(),
      this.payments(this.db, accountId, currency)
        .select([
          'payments.id',
          'payments.invoice_id',
          'invoices.number',
          'payments.reversed_on',
          'payments.amount_minor',
          'payments.reversed_at',
        ])
        .where('payments.status', '=', 'reversed')
        .where('payments.reversed_on', '>=', from)
        .where('payments.reversed_on', '<=', to)
        .execute(),
    ]);
    const rows: StatementRow[] = [
      ...docs.map((d) => ({
        date: d.issue_date!,
        type: d.kind === 'credit_note' ? ('credit_note' as const) : ('invoice' as const),
        reference: d.number,
        invoice_id: d.id,
        payment_id: null,
        amount: d.total_minor,
        at: d.created_at,
      })),
      ...paid.map((p) => ({
        date: p.paid_on,
        type: 'payment' as const,
        reference: p.number,
        invoice_id: p.invoice_id,
        payment_id: p.id,
        amount: -p.amount_minor,
        at: p.created_at,
      })),
      ...reversed.map((p) => ({
        date: p.reversed_on!,
        type: 'payment_reversal' as const,
        reference: p.number,
        invoice_id: p.invoice_id,
        payment_id: p.id,
        amount: p.amount_minor,
        at: p.reversed_at!,
      })),
    ];
    return rows.sort((a, b) => (a.date === b.date ? a.at.localeCompare(b.at) : a.date.localeCompare(b.date)));
  }
}
