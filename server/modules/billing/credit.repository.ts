import { sql, type Kysely, type SqlBool } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import { QueryTemplate } from '../../db/query-template.js';
import type { DB } from '../../db/schema.js';
import { BALANCE, OPEN_INVOICE } from './open-invoices.js';

export interface Owed {
  currency: string;
  owedMinor: number;
  oldestDue: string | null;
}

/** What an account owes in one currency, and the part of it past due. */
export interface OwedByAccount {
  accountId: string;
  currency: string;
  owedMinor: number;
  overdueMinor: number;
  overdueCount: number;
  oldestOverdue: string | null;
}

interface OwedRow {
  account_id: string;
  currency: string;
  owed: number | string;
  overdue: number | string;
  overdue_count: number | string;
  oldest_overdue: string | null;
}

// The ids are one parameter (a long IN list costs PostgreSQL more to plan than to run, and gives
// SQLite a new statement for every length of page); open invoices per account and currency are
// the leading columns of invoices_open_account_idx, which also holds every column summed.
const owedByAccountsQuery = new QueryTemplate<Record<string, never>, { ids: unknown; today: string }, OwedRow>((db, _shape, v) => {
  const pastDue = sql<SqlBool>`invoices.due_date < ${v.today}`;
  return db
    .selectFrom('invoices')
    .select([
      'invoices.account_id',
      'invoices.currency',
      sql<number>`sum(${BALANCE})`.as('owed'),
      sql<number>`coalesce(sum(case when ${pastDue} then ${BALANCE} end), 0)`.as('overdue'),
      sql<number>`count(case when ${pastDue} then 1 end)`.as('overdue_count'),
      sql<string | null>`min(case when ${pastDue} then invoices.due_date end)`.as('oldest_overdue'),
    ])
    .where(dialectOf(db).isIn(sql.ref('invoices.account_id'), v.ids))
    .where(OPEN_INVOICE)
    .groupBy(['invoices.account_id', 'invoices.currency'])
    .compile();
});

/** Queries behind exposure, credit warnings, the stop-work flag and the accounts' flags. */
export class CreditRepository {
  /** What the account owes, per currency, and its oldest open due date; served by the open-invoice index. */
  async owed(trx: Kysely<DB>, accountId: string): Promise<Owed[]> {
    const rows = await trx
      .selectFrom('invoices')
      .select([
        'invoices.currency',
        sql<number>`coalesce(sum(${BALANCE}), 0)`.as('owed'),
        sql<string | null>`min(invoices.due_date)`.as('oldest_due'),
      ])
      .where('invoices.account_id', '=', accountId)
      .where(OPEN_INVOICE)
      .groupBy('invoices.currency')
      .execute();
    return rows.map((r) => ({ currency: r.currency, owedMinor: Number(r.owed), oldestDue: r.oldest_due }));
  }

  /**
   * What each of the accounts owes, per currency, and what of it was due before `today`: one
   * statement for a page of accounts, compiled once, read from the open-invoice index alone.
   */
  async owedByAccounts(trx: Kysely<DB>, accountIds: string[], today: string): Promise<OwedByAccount[]> {
    if (accountIds.length === 0) return [];
    const rows = await owedByAccountsQuery.execute(trx, {}, { ids: dialectOf(trx).list(accountIds), today });
    return rows.map((r) => ({
      accountId: r.account_id,
      currency: r.currency,
      owedMinor: Number(r.owed),
      overdueMinor: Number(r.overdue),
      overdueCount: Number(r.overdue_count),
      oldestOverdue: r.oldest_overdue,
    }));
  }

  async stopWork(trx: Kysely<DB>, accountId: string) {
    return trx
      .selectFrom('accounts')
      .select(['id', 'name', 'stop_work_since', 'stop_work_reason', 'stop_work_wording'])
      .where('id', '=', accountId)
      .executeTakeFirst();
  }

  /** Sets or clears the flag; returns false when it already had that state (nothing changed). */
  async setStopWork(
    trx: Kysely<DB>,
    accountId: string,
    since: string | null,
    reason: { text: string; wording: string | null } | null,
  ): Promise<boolean> {
    let q = trx
      .updateTable('accounts')
      .set({ stop_work_since: since, stop_work_reason: reason?.text ?? null, stop_work_wording: reason?.wording ?? null })
      .where('id', '=', accountId);
    q = since ? q.where('stop_work_since', 'is', null) : q.where('stop_work_since', 'is not', null);
    const res = await q.executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }
}
