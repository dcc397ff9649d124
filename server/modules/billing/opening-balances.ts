import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { nextDocumentNumber } from '../../db/sequences.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import type { BillingSettingsService } from './billing.settings.js';

/** What an account still owes on an invoice issued before the agency moved to Liaison. */
export interface OpeningBalance {
  accountId: string;
  /** The invoice's number in the old books; a new number is given when it has none. */
  number: string | null;
  issueDate: string;
  dueDate: string;
  currency: string;
  owedMinor: number;
  /** The invoice's whole amount, kept in its notes. */
  amountMinor: number;
}

const ROWS_PER_INSERT = 400;

/**
 * Opening balances as issued invoices for exactly what is still owed (one line, no tax), so
 * receivables, follow-ups and statements count them like any other invoice. Written in bulk
 * (a few multi-row inserts) in the caller's transaction; answers the new invoices' ids.
 */
export class OpeningBalances {
  constructor(private readonly billingSettings: BillingSettingsService) {}

  /** Numbers among `numbers` that invoices already have. */
  async takenNumbers(trx: Kysely<DB>, numbers: string[]): Promise<Set<string>> {
    if (numbers.length === 0) return new Set();
    const rows = await trx.selectFrom('invoices').select('number').where('number', 'in', numbers).execute();
    return new Set(rows.map((r) => r.number!));
  }

  /** `importId` marks the invoices as the import's, for its undo. */
  async insertMany(trx: Kysely<DB>, balances: OpeningBalance[], actorId: string, now: string, importId: string): Promise<string[]> {
    const format = balances.some((b) => !b.number) ? (await this.billingSettings.load(trx)).invoiceNumberFormat : '';
    const invoices = [];
    const lines = [];
    for (const b of balances) {
      const id = newId();
      const number = b.number ?? (await nextDocumentNumber(trx, 'invoice', format, b.issueDate));
      const notes = `Opening balance (invoice total ${b.amountMinor} minor units)`;
      invoices.push({
        id,
        account_id: b.accountId,
        project_id: null,
        kind: 'invoice' as const,
        credited_invoice_id: null,
        number,
        status: 'issued' as const,
        issue_date: b.issueDate,
        due_date: b.dueDate,
        currency: b.currency,
        subtotal_minor: b.owedMinor,
        tax_minor: 0,
        total_minor: b.owedMinor,
        notes,
        search_text: searchText(number, notes),
        created_by: actorId,
        issued_at: now,
        issued_by: actorId,
        voided_at: null,
        voided_by: null,
        void_reason: null,
        import_id: importId,
        created_at: now,
        updated_at: now,
      });
      lines.push({
        id: newId(),
        invoice_id: id,
        position: 1,
        description: 'Opening balance',
        quantity_milli: 1000,
        unit_price_minor: b.owedMinor,
        tax_basis_points: 0,
        net_minor: b.owedMinor,
        tax_minor: 0,
        total_minor: b.owedMinor,
      });
    }
    for (let i = 0; i < invoices.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('invoices')
        .values(invoices.slice(i, i + ROWS_PER_INSERT))
        .execute();
      await trx
        .insertInto('invoice_lines')
        .values(lines.slice(i, i + ROWS_PER_INSERT))
        .execute();
    }
    return invoices.map((i) => i.id);
  }

  /** Removes opening-balance invoices (an import undone): only those never paid, credited or changed. */
  async removeMany(trx: Kysely<DB>, ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
      const part = ids.slice(i, i + ROWS_PER_INSERT);
      await trx.deleteFrom('invoice_lines').where('invoice_id', 'in', part).execute();
      await trx.deleteFrom('invoices').where('id', 'in', part).execute();
    }
  }
}
