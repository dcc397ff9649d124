import { sql, type ExpressionBuilder, type Insertable, type Kysely } from 'kysely';
import type { StoredInvoiceStatus } from '../../../common/enums.js';
import type { InvoiceListQuery } from '../../../common/schemas/invoice.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { InvoiceLinesTable, InvoicesTable } from '../../db/tables/billing.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { invoiceScope, type Actor } from '../access/index.js';
import type { InvoiceLineRow, InvoiceRow } from './invoice.presenter.js';
import { OPEN_INVOICE, bucketDueDates } from './open-invoices.js';

const SORTS = {
  '-createdAt': ['created_at', 'desc'],
  createdAt: ['created_at', 'asc'],
  dueDate: ['due_date', 'asc'],
  '-dueDate': ['due_date', 'desc'],
  issueDate: ['issue_date', 'asc'],
  '-issueDate': ['issue_date', 'desc'],
} as const;

const CURSOR_KINDS = { created_at: 'timestamp', due_date: 'date', issue_date: 'date' } as const;

type InvoiceEb = ExpressionBuilder<DB, 'invoices' | 'accounts'>;

/** Money moved onto an invoice: a payment (or its reversal) and a credit note (or its void). */
export interface Settlement {
  paidDelta: number;
  creditedDelta: number;
  at: string;
}

export class InvoiceRepository {
  constructor(private readonly db: Database) {}

  /** Invoices joined to the ownership columns of their account and to the document they were made from. */
  private withAccount(trx: Kysely<DB> = this.db) {
    return (
      trx
        .selectFrom('invoices')
        .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
        // the act it was made from, named on the invoice
        .leftJoin('documents', 'documents.id', 'invoices.source_document_id')
        .selectAll('invoices')
        .select([
          'accounts.name as account_name',
          'accounts.owner_id',
          'accounts.backup_owner_id',
          'documents.kind as source_document_kind',
          'documents.number as source_document_number',
        ])
    );
  }

  findById(id: string, trx: Kysely<DB> = this.db): Promise<InvoiceRow | undefined> {
    return this.withAccount(trx).where('invoices.id', '=', id).executeTakeFirst();
  }

  /** Lines of many invoices in one query, in their order. */
  async linesOf(invoiceIds: string[], trx: Kysely<DB> = this.db): Promise<Map<string, InvoiceLineRow[]>> {
    const map = new Map<string, InvoiceLineRow[]>(invoiceIds.map((id) => [id, []]));
    if (invoiceIds.length === 0) return map;
    const rows = await trx
      .selectFrom('invoice_lines')
      .selectAll()
      .where('invoice_id', 'in', invoiceIds)
      .orderBy('invoice_id')
      .orderBy('position')
      .execute();
    for (const r of rows) map.get(r.invoice_id)!.push(r);
    return map;
  }

  /** One page of the invoices the actor may read, filtered and sorted. */
  async list(actor: Actor, f: InvoiceListQuery, today: string) {
    const [column, dir] = SORTS[f.sort];
    const col = `invoices.${column}` as const;
    const pos = decodeCursor(f.cursor, CURSOR_KINDS[column]);
    let q = this.withAccount()
      .where((eb) => invoiceScope(actor, eb as unknown as ExpressionBuilder<DB, 'invoices'>))
      .orderBy(col, dir)
      .orderBy('invoices.id', dir)
      .limit(f.limit + 1);
    if (column !== 'created_at') q = q.where(col, 'is not', null);
    if (f.accountId) q = q.where('invoices.account_id', '=', f.accountId);
    if (f.projectId) q = q.where('invoices.project_id', '=', f.projectId);
    if (f.ownerId) q = q.where('accounts.owner_id', '=', f.ownerId);
    if (f.kind) q = q.where('invoices.kind', '=', f.kind);
    if (f.currency) q = q.where('invoices.currency', '=', f.currency);
    if (f.q) q = q.where(matchesText('invoices.search_text', f.q));
    if (f.status) q = q.where((eb) => statusCondition(eb, f.status!, today));
    if (f.bucket) {
      const { from, until } = bucketDueDates(f.bucket, today);
      q = q.where(OPEN_INVOICE);
      if (from) q = q.where('invoices.due_date', '>=', from);
      if (until) q = q.where('invoices.due_date', '<', until);
    }
    if (pos) q = q.where((eb) => afterCursor(eb, col, 'invoices.id', dir, pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r[column]!, id: r.id }));
  }

  async insert(trx: Kysely<DB>, row: Insertable<InvoicesTable>, lines: Insertable<InvoiceLinesTable>[]): Promise<void> {
    await trx.insertInto('invoices').values(row).execute();
    if (lines.length) await trx.insertInto('invoice_lines').values(lines).execute();
  }

  async replaceLines(trx: Kysely<DB>, invoiceId: string, lines: Insertable<InvoiceLinesTable>[]): Promise<void> {
    await trx.deleteFrom('invoice_lines').where('invoice_id', '=', invoiceId).execute();
    if (lines.length) await trx.insertInto('invoice_lines').values(lines).execute();
  }

  /**
   * Applies a settlement in one statement that also re-derives the status, and only when the
   * result is neither overpaid nor negative. Concurrent settlements of one invoice queue on
   * its row lock and re-check the condition, so two payments can never overpay it together.
   * Returns false when the condition failed (nothing changed).
   */
  async settle(trx: Kysely<DB>, invoiceId: string, s: Settlement): Promise<boolean> {
    const paid = sql<number>`invoices.paid_minor + ${s.paidDelta}`;
    const credited = sql<number>`invoices.credited_minor + ${s.creditedDelta}`;
    const res = await trx
      .updateTable('invoices')
      .set({
        paid_minor: paid,
        credited_minor: credited,
        status: sql<StoredInvoiceStatus>`case when invoices.total_minor - (${paid}) - (${credited}) = 0 then 'paid'
          when ${paid} > 0 then 'partially_paid' else 'issued' end`,
        version: sql<number>`invoices.version + 1`,
        updated_at: s.at,
      })
      .where('invoices.id', '=', invoiceId)
      .where('invoices.kind', '=', 'invoice')
      .where('invoices.status', 'in', ['issued', 'partially_paid', 'paid'])
      .where(sql<boolean>`invoices.total_minor - (${paid}) - (${credited}) >= 0`)
      .where(sql<boolean>`${paid} >= 0 and ${credited} >= 0`)
      .executeTakeFirst();
    return res.numUpdatedRows > 0n;
  }

  async anyOfAccount(trx: Kysely<DB>, accountId: string): Promise<boolean> {
    return !!(await trx.selectFrom('invoices').select('id').where('account_id', '=', accountId).limit(1).executeTakeFirst());
  }
}

/** The stored-status condition behind each status the API shows. */
function statusCondition(eb: InvoiceEb, status: NonNullable<InvoiceListQuery['status']>, today: string) {
  switch (status) {
    case 'open':
      return OPEN_INVOICE;
    case 'overdue':
      return eb.and([OPEN_INVOICE, eb('invoices.due_date', '<', today)]);
    case 'issued':
    case 'partially_paid':
      // not yet due (credit notes are never due)
      return eb.and([
        eb('invoices.status', '=', status),
        eb.or([eb('invoices.kind', '=', 'credit_note'), eb('invoices.due_date', '>=', today)]),
      ]);
    default:
      return eb('invoices.status', '=', status);
  }
}
