import type { Selectable } from 'kysely';
import type { InvoiceStatus } from '../../../common/enums.js';
import type { Invoice, InvoiceSummary } from '../../../common/schemas/invoice.js';
import type { InvoiceLinesTable, InvoicesTable } from '../../db/tables/billing.js';
import { daysBetween } from '../../lib/dates.js';
import { scaledToDecimal } from '../../lib/money.js';

/** An invoice with the ownership columns of its account, as every query here selects it. */
export type InvoiceRow = Selectable<InvoicesTable> & { account_name: string; owner_id: string | null; backup_owner_id: string | null };
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;

/** The account as the access policy needs it. */
export const accountOf = (r: InvoiceRow) => ({ id: r.account_id, owner_id: r.owner_id, backup_owner_id: r.backup_owner_id });

const isOpen = (r: Pick<InvoiceRow, 'kind' | 'status'>) => r.kind === 'invoice' && (r.status === 'issued' || r.status === 'partially_paid');

/** What the client still owes on the invoice; 0 unless it is issued and unsettled. */
export const openBalance = (r: Pick<InvoiceRow, 'kind' | 'status' | 'total_minor' | 'paid_minor' | 'credited_minor'>) =>
  isOpen(r) ? r.total_minor - r.paid_minor - r.credited_minor : 0;

/** Days past due in the agency's time zone, or null when not overdue. */
export function daysOverdue(r: Pick<InvoiceRow, 'kind' | 'status' | 'due_date'>, today: string): number | null {
  if (!isOpen(r) || !r.due_date || r.due_date >= today) return null;
  return daysBetween(r.due_date, today);
}

/** The status the API shows: an open invoice past its due date reads as overdue. */
export const displayStatus = (r: Pick<InvoiceRow, 'kind' | 'status' | 'due_date'>, today: string): InvoiceStatus =>
  daysOverdue(r, today) !== null ? 'overdue' : (r.status as InvoiceStatus);

export function presentInvoiceSummary(r: InvoiceRow, today: string): InvoiceSummary {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    accountId: r.account_id,
    accountName: r.account_name,
    projectId: r.project_id,
    kind: r.kind as InvoiceSummary['kind'],
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
  };
}

export function presentInvoice(r: InvoiceRow, lines: InvoiceLineRow[], today: string): Invoice {
  return {
    ...presentInvoiceSummary(r, today),
    lines: lines.map((l) => ({
      id: l.id,
      description: l.description,
      quantity: Number(scaledToDecimal(l.quantity_milli, 3)),
      unitPriceMinor: l.unit_price_minor,
      taxPercent: Number(scaledToDecimal(l.tax_basis_points, 2)),
      netMinor: l.net_minor,
      taxMinor: l.tax_minor,
      totalMinor: l.total_minor,
    })),
  };
}
