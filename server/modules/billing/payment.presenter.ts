import type { Selectable } from 'kysely';
import type { Payment } from '../../../common/schemas/payment.js';
import type { PaymentsTable } from '../../db/tables/billing.js';
import { paymentAbilities, type Actor } from '../access/index.js';

/** A payment with its invoice's number and its account's ownership columns. */
export type PaymentRow = Selectable<PaymentsTable> & {
  invoice_number: string | null;
  owner_id: string | null;
  backup_owner_id: string | null;
};

/** The payment as `actor` sees it, with what they may do with it. */
export function presentPayment(r: PaymentRow, actor: Actor): Payment {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    invoiceId: r.invoice_id,
    invoiceNumber: r.invoice_number,
    accountId: r.account_id,
    amountMinor: r.amount_minor,
    currency: r.currency,
    paidOn: r.paid_on,
    method: r.method,
    reference: r.reference,
    status: r.status,
    recordedBy: r.recorded_by,
    reversedAt: r.reversed_at,
    reversalReason: r.reversal_reason,
    can: paymentAbilities(actor, r),
  };
}
