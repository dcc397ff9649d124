import type { Selectable } from 'kysely';
import type { DocumentKind, InvoiceStatus } from '../../../common/enums.js';
import type { Invoice, InvoiceSummary } from '../../../common/schemas/invoice.js';
import type { InvoiceLinesTable, InvoicesTable } from '../../db/tables/billing.js';
import { daysBetween } from '../../lib/dates.js';
import { presentLine } from '../../lib/lines.js';
import { invoiceAbilities, isOpenInvoice, openBalance, type Actor } from '../access/index.js';

/** An invoice with the ownership columns of its account, as every query here selects it. */
export type InvoiceRow = Selectable<InvoicesTable> & {
  account_name: string;
  owner_id: string | null;
  backup_owner_id: string | null;
  source_document_kind: string | null;
  source_document_number: string | null;
};
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;

export { openBalance };

/** Days past due in the agency's time zone, or null when not overdue. */
export function daysOverdue(r: Pick<InvoiceRow, 'kind' | 'status' | 'due_date'>, today: string): number | null {
  if (!isOpenInvoice(r) || !r.due_date || r.due_date >= today) return null;
  return daysBetween(r.due_date, today);
}

/** The status the API shows: an open invoice past its due date reads as overdue. */
export const displayStatus = (r: Pick<InvoiceRow, 'kind' | 'status' | 'due_date'>, today: string): InvoiceStatus =>
  daysOverdue(r, today) !== null ? 'overdue' : r.status;

/** The invoice without its lines as `actor` sees it, with what they may do with it. */
export function presentInvoiceSummary(r: InvoiceRow, today: string, actor: Actor): InvoiceSummary {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    accountId: r.account_id,
    accountName: r.account_name,
    projectId: r.project_id,
    kind: r.kind,
    creditedInvoiceId: r.credited_invoice_id,
    number: r.number,
    status: displayStatus(r, today),
    issueDate: r.issue_date,
    dueDate: r.due_date,
    currency: r.currency,
    subtotalMinor: r.subtotal_minor,
    taxMinor: r.tax_minor,
    totalMinor: r.total_minor,
    paidMinor: r.paid_minor,
    creditedMinor: r.credited_minor,
    balanceMinor: openBalance(r),
    daysOverdue: daysOverdue(r, today),
    notes: r.notes,
    issuedAt: r.issued_at,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
    sourceDocument: r.source_document_id
      ? { id: r.source_document_id, kind: r.source_document_kind as DocumentKind, number: r.source_document_number }
      : null,
    can: invoiceAbilities(actor, r),
  };
}

export function presentInvoice(r: InvoiceRow, lines: InvoiceLineRow[], today: string, actor: Actor): Invoice {
  return {
    ...presentInvoiceSummary(r, today, actor),
    lines: lines.map(presentLine),
  };
}
