import { sql, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { PaymentListQuery } from '../../../common/schemas/payment.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { PaymentsTable } from '../../db/tables/billing.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { likePattern, matchesText } from '../../lib/text.js';
import { paymentScope, type Actor } from '../access/index.js';
import type { PaymentRow } from './payment.presenter.js';

export class PaymentRepository {
  constructor(private readonly db: Database) {}

  private withInvoice(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('payments')
      .innerJoin('invoices', 'invoices.id', 'payments.invoice_id')
      .innerJoin('accounts', 'accounts.id', 'payments.account_id')
      .selectAll('payments')
      .select(['invoices.number as invoice_number', 'accounts.owner_id', 'accounts.backup_owner_id']);
  }

  findById(id: string, trx: Kysely<DB> = this.db): Promise<PaymentRow | undefined> {
    return this.withInvoice(trx).where('payments.id', '=', id).executeTakeFirst();
  }

  findByIdempotencyKey(key: string, trx: Kysely<DB> = this.db): Promise<PaymentRow | undefined> {
    return this.withInvoice(trx).where('payments.idempotency_key', '=', key).executeTakeFirst();
  }

  /** Newest first, within the accounts whose billing the actor sees. */
  async list(actor: Actor, f: PaymentListQuery) {
    const pos = decodeCursor(f.cursor, 'timestamp');
    let q = this.withInvoice()
      .where((eb) => paymentScope(actor, eb as unknown as ExpressionBuilder<DB, 'payments'>))
      .orderBy('payments.created_at', 'desc')
      .orderBy('payments.id', 'desc')
      .limit(f.limit + 1);
    if (f.invoiceId) q = q.where('payments.invoice_id', '=', f.invoiceId);
    if (f.accountId) q = q.where('payments.account_id', '=', f.accountId);
    if (f.status) q = q.where('payments.status', '=', f.status);
    if (f.q) {
      const pattern = likePattern(f.q);
      q = q.where((eb) =>
        eb.or([matchesText('invoices.search_text', f.q!), sql<SqlBool>`lower(payments.reference) like ${pattern} escape '\\'`]),
      );
    }
    if (pos) q = q.where((eb) => afterCursor(eb, 'payments.created_at', 'payments.id', 'desc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.created_at, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<PaymentsTable>): Promise<void> {
    await trx.insertInto('payments').values(row).execute();
  }

  /** Marks a recorded payment reversed; false when it was not (or no longer) recorded. */
  async markReversed(trx: Kysely<DB>, id: string, set: { at: string; on: string; by: string; reason: string }): Promise<boolean> {
    const res = await trx
      .updateTable('payments')
      .set((eb) => ({
        status: 'reversed',
        reversed_at: set.at,
        reversed_on: set.on,
        reversed_by: set.by,
        reversal_reason: set.reason,
        updated_at: set.at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', '=', 'recorded')
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }
}
