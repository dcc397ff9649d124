import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** Remembers the first time each client user downloaded each invoice. */
export class InvoiceDownloadRepository {
  /** True when this is the user's first download of the invoice (and it is remembered now). */
  async first(trx: Kysely<DB>, invoiceId: string, userId: string, at: string): Promise<boolean> {
    const result = await trx
      .insertInto('invoice_downloads')
      .values({ invoice_id: invoiceId, user_id: userId, first_at: at })
      .onConflict((oc) => oc.columns(['invoice_id', 'user_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
