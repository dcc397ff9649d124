import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { BALANCE, OPEN_INVOICE } from './open-invoices.js';

export interface Owed {
  currency: string;
  owedMinor: number;
  oldestDue: string | null;
}

/** Queries behind exposure, credit warnings and the stop-work flag. */
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

  async stopWork(trx: Kysely<DB>, accountId: string) {
    return trx
      .selectFrom('accounts')
      .select(['id', 'name', 'stop_work_since', 'stop_work_reason'])
      .where('id', '=', accountId)
      .executeTakeFirst();
  }

  /** Sets or clears the flag; returns false when it already had that state (nothing changed). */
  async setStopWork(trx: Kysely<DB>, accountId: string, since: string | null, reason: string | null): Promise<boolean> {
    let q = trx.updateTable('accounts').set({ stop_work_since: since, stop_work_reason: reason }).where('id', '=', accountId);
    q = since ? q.where('stop_work_since', 'is', null) : q.where('stop_work_since', 'is not', null);
    const res = await q.executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }
}
