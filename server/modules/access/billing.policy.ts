import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { BillingActionAbilities, FollowUpEmailAbilities } from '../../../common/schemas/billing.js';
import type { InvoiceAbilities } from '../../../common/schemas/invoice.js';
import type { PaymentAbilities } from '../../../common/schemas/payment.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound, type Refusal } from '../../lib/errors.js';
import { accountIdScope, canReadAccount, owningAccount as accountOf, type OnAccount, type OwnedAccount } from './accounts.policy.js';
import type { Actor } from './actor.js';
import { FALSE, TRUE } from './conditions.js';
import { isStaff } from './people.policy.js';

/*
 * Billing. Finance and admins see and change the billing of every account; an account
 * manager that of the accounts they own (backups read only); a client user only their own
 * company's issued invoices and the payments on them; a specialist none.
 */

/** Roles that ever see invoices or payments: everyone but specialists. */
export const seesBilling = (actor: Actor) => actor.role !== 'specialist';

/** Lists of invoices and payments refuse the roles that never see them. */
export function assertSeesBilling(actor: Actor): void {
  if (!seesBilling(actor)) throw forbidden('access.billing_hidden');
}

/** Drafting invoices: admins, finance and account managers (for the accounts they own). */
export const createsInvoices = (actor: Actor) => actor.role !== 'specialist' && actor.role !== 'client';

export function assertCanCreateInvoices(actor: Actor): void {
  if (!createsInvoices(actor)) throw forbidden('access.create_invoice');
}

/** Invoices the actor may read, as a condition on the `invoices` table. */
export function invoiceScope(actor: Actor, eb: ExpressionBuilder<DB, 'invoices'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return FALSE;
  if (actor.role === 'client') {
    return actor.accountId ? eb.and([eb('invoices.account_id', '=', actor.accountId), eb('invoices.status', '<>', 'draft')]) : FALSE;
  }
  return accountIdScope(actor, eb, 'invoices.account_id');
}

/** Payments the actor may read: those on invoices they may read (payments exist only on issued ones). */
export function paymentScope(actor: Actor, eb: ExpressionBuilder<DB, 'payments'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return FALSE;
  return accountIdScope(actor, eb, 'payments.account_id');
}

/** May the actor read this invoice of this account? Clients never see drafts. */
export function canReadInvoice(actor: Actor, a: OwnedAccount, invoice: { status: string }): boolean {
  if (!seesBilling(actor)) return false;
  if (actor.role === 'client' && invoice.status === 'draft') return false;
  return canReadAccount(actor, a);
}

/** May the actor read a payment on this account's invoices? */
export const canReadPayment = (actor: Actor, a: OwnedAccount) => seesBilling(actor) && canReadAccount(actor, a);

/** May the actor create, issue, void and credit invoices and record payments for the account? */
export function canManageBilling(actor: Actor, a: OwnedAccount): boolean {
  return actor.role === 'admin' || actor.role === 'finance' || (actor.role === 'account_manager' && a.owner_id === actor.id);
}

/** Throws 404 when the actor may not see the account's billing, 403 when they may see but not change it. */
export function assertCanManageBilling(actor: Actor, a: OwnedAccount): void {
  if (!seesBilling(actor) || !canReadAccount(actor, a)) throw notFound('account');
  if (!canManageBilling(actor, a)) throw forbidden('access.billing_read_only');
}

/** Exposure, statements and credit warnings: staff who see the account's billing. */
export const canReadAccountBilling = (actor: Actor, a: OwnedAccount) => seesBilling(actor) && isStaff(actor) && canReadAccount(actor, a);

export function assertCanReadAccountBilling(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccountBilling(actor, a)) throw notFound('account');
}

/**
 * An account's statement: staff who see its billing, and the client users of that company
 * (it lists only their issued invoices, credit notes and payments, all of which they already read).
 */
export const canReadStatement = (actor: Actor, a: OwnedAccount) =>
  actor.role === 'client' ? actor.accountId === a.id : canReadAccountBilling(actor, a);

export function assertCanReadStatement(actor: Actor, a: OwnedAccount): void {
  if (!canReadStatement(actor, a)) throw notFound('account');
}

/** The receivables report and follow-up emails: finance and admins for all accounts, managers for theirs. */
export const seesReceivables = (actor: Actor) => actor.role === 'admin' || actor.role === 'finance' || actor.role === 'account_manager';

export function assertSeesReceivables(actor: Actor): void {
  if (!seesReceivables(actor)) throw forbidden('access.receivables_hidden');
}

/** Only finance and admins set or lift an account's stop-work flag. */
export const changesStopWork = (actor: Actor) => actor.role === 'admin' || actor.role === 'finance';

export function assertCanChangeStopWork(actor: Actor): void {
  if (!changesStopWork(actor)) throw forbidden('access.stop_work');
}

/** Roles that have follow-up calls and alerts at all. */
export const hasFollowUps = (actor: Actor) => actor.role !== 'client' && actor.role !== 'specialist';

export function assertHasFollowUps(actor: Actor): void {
  if (!hasFollowUps(actor)) throw forbidden('access.no_follow_ups');
}

/** The follow-up levels an invoice reached are internal: a client user reading the invoice gets 404 for them. */
export function assertSeesFollowUpLevels(actor: Actor): void {
  if (!isStaff(actor)) throw notFound('invoice');
}

/** Follow-up calls and alerts: a manager sees those assigned to them; finance and admins all. */
export function billingActionScope(actor: Actor, eb: ExpressionBuilder<DB, 'billing_actions'>): Expression<SqlBool> {
  if (actor.role === 'admin' || actor.role === 'finance') return TRUE;
  if (actor.role === 'account_manager') return eb('billing_actions.assignee_id', '=', actor.id);
  return FALSE;
}

/** The single-row form of billingActionScope. */
export function canSeeBillingAction(actor: Actor, action: { assignee_id: string | null }): boolean {
  return actor.role === 'admin' || actor.role === 'finance' || (actor.role === 'account_manager' && action.assignee_id === actor.id);
}

/** May the actor mark this call or alert done? Whoever it is assigned to, finance for finance's, admins any. */
export function canCompleteBillingAction(actor: Actor, action: { assignee_id: string | null; assignee_role: string | null }): boolean {
  if (actor.role === 'admin') return true;
  if (action.assignee_id === actor.id) return true;
  return actor.role === 'finance' && (action.assignee_role === 'finance' || action.assignee_id === null);
}

/** A call or alert is done once. */
export const billingActionDoneRefusal = (action: { done_at: string | null }): Refusal =>
  action.done_at ? { code: 'followUp.already_done' } : null;

export function billingActionAbilities(
  actor: Actor,
  action: { assignee_id: string | null; assignee_role: string | null; done_at: string | null },
): BillingActionAbilities {
  return { complete: canCompleteBillingAction(actor, action) && !billingActionDoneRefusal(action) };
}

/** A follow-up email is sent again only until it has gone out. */
export const emailRetryRefusal = (email: { status: string }): Refusal =>
  email.status === 'sent' ? { code: 'followUp.already_sent' } : null;

/** What the actor may do with a follow-up email (its row carries its account's ownership; one to no account is never retried). */
export function followUpEmailAbilities(
  actor: Actor,
  email: Omit<OnAccount, 'account_id'> & { account_id: string | null; status: string },
): FollowUpEmailAbilities {
  const { account_id } = email;
  return { retry: account_id !== null && canManageBilling(actor, accountOf({ ...email, account_id })) && !emailRetryRefusal(email) };
}

/*
 * What an invoice's state allows: shared by the services that refuse (409) and by the
 * abilities sent with the invoice, so the two never disagree.
 */

/** The amounts and state of an invoice or credit note. */
export interface InvoiceState {
  id: string;
  number: string | null;
  kind: string;
  status: string;
  total_minor: number;
  paid_minor: number;
  credited_minor: number;
}

/** An invoice (never a credit note) that is issued and not yet settled. */
export const isOpenInvoice = (r: Pick<InvoiceState, 'kind' | 'status'>) =>
  r.kind === 'invoice' && (r.status === 'issued' || r.status === 'partially_paid');

/** What the client still owes on the invoice; 0 unless it is issued and unsettled. */
export const openBalance = (r: Pick<InvoiceState, 'kind' | 'status' | 'total_minor' | 'paid_minor' | 'credited_minor'>) =>
  isOpenInvoice(r) ? r.total_minor - r.paid_minor - r.credited_minor : 0;

/** Once issued, lines and amounts are fixed: void it or issue a credit note. */
export const invoiceEditRefusal = (r: InvoiceState): Refusal =>
  r.status === 'draft' ? null : { code: 'invoice.not_draft', params: { number: r.number ?? r.id, status: r.status } };

/** Only a draft with something to pay is issued. */
export function invoiceIssueRefusal(r: InvoiceState): Refusal {
  if (r.status !== 'draft') return { code: 'invoice.already_issued', params: { number: r.number, status: r.status } };
  if (r.total_minor <= 0) return { code: 'invoice.zero_total' };
  return null;
}

/** A draft or an issued invoice is voided while nothing was paid or credited on it. */
export function invoiceVoidRefusal(r: InvoiceState): Refusal {
  if (r.status === 'void') return { code: 'invoice.already_void' };
  if (r.paid_minor > 0) return { code: 'invoice.void_paid' };
  if (r.credited_minor > 0) return { code: 'invoice.void_credited' };
  return null;
}

/** Only an issued invoice with a balance is credited. */
export function creditNoteRefusal(r: InvoiceState): Refusal {
  if (r.kind !== 'invoice' || r.status === 'draft' || r.status === 'void') return { code: 'invoice.credit_not_issued' };
  if (openBalance(r) <= 0) return { code: 'invoice.credit_settled' };
  return null;
}

/** Payments go on issued invoices, never on credit notes, drafts or void ones. */
export function paymentRefusal(r: InvoiceState): Refusal {
  if (r.kind !== 'invoice') return { code: 'payment.no_credit_notes' };
  if (r.status === 'draft') return { code: 'payment.not_issued' };
  if (r.status === 'void') return { code: 'payment.invoice_void' };
  return null;
}

/** Only an issued invoice (or credit note) goes out by email: a draft has no number yet, a void one no longer counts. */
export function invoiceSendRefusal(r: InvoiceState): Refusal {
  if (r.status === 'draft') return { code: 'invoice.send_draft' };
  if (r.status === 'void') return { code: 'invoice.send_void' };
  return null;
}

/** What the actor may do with an invoice they read. */
export function invoiceAbilities(actor: Actor, invoice: OnAccount & InvoiceState): InvoiceAbilities {
  const manages = canManageBilling(actor, accountOf(invoice));
  return {
    update: manages && !invoiceEditRefusal(invoice),
    issue: manages && !invoiceIssueRefusal(invoice),
    void: manages && !invoiceVoidRefusal(invoice),
    creditNote: manages && !creditNoteRefusal(invoice),
    recordPayment: manages && !paymentRefusal(invoice) && openBalance(invoice) > 0,
    send: manages && !invoiceSendRefusal(invoice),
  };
}

/** A payment is reversed once; it stays on record. */
export const paymentReversalRefusal = (p: { status: string }): Refusal =>
  p.status === 'recorded' ? null : { code: 'payment.already_reversed' };

/** What the actor may do with a payment they read. */
export function paymentAbilities(actor: Actor, payment: OnAccount & { status: string }): PaymentAbilities {
  return { reverse: canManageBilling(actor, accountOf(payment)) && !paymentReversalRefusal(payment) };
}
