import { SIGNABLE_DOCUMENT_KINDS, type DocumentKind } from '../../../common/enums.js';
import { forbidden, notFound, type Refusal } from '../../lib/errors.js';
import { canManageAccount, canReadAccount, type OwnedAccount } from './accounts.policy.js';
import type { Actor } from './actor.js';
import { canManageBilling, createsInvoices } from './billing.policy.js';

/*
 * Acts of completed work and signatures. An act is drafted from a project's delivered work by
 * the account's manager or an admin. A sent contract, act or proposal is signed or declined by
 * a client user of its own company, in the portal; the manager may instead record the signed
 * paper copy. A signed act becomes an invoice, once, for those who prepare the account's invoices.
 */

/** May the actor draft acts from the work on this account's projects? The owning manager and admins. */
export const canCreateActs = (actor: Actor, a: OwnedAccount) => canManageAccount(actor, a);

/** Throws 404 when the actor may not see the account (as if the project did not exist), 403 when they may not draft its acts. */
export function assertCanCreateActs(actor: Actor, a: OwnedAccount): void {
  if (!canReadAccount(actor, a)) throw notFound('project');
  if (!canCreateActs(actor, a)) throw forbidden('access.create_act');
}

/** Is the actor a user of the document's own client company (the only ones who sign for it)? */
export const speaksForAccount = (actor: Actor, a: OwnedAccount) => actor.role === 'client' && actor.accountId === a.id;

/** A document as the signing rules need it. */
interface SignableState {
  id: string;
  kind: string;
  number: string | null;
  status: string;
}

/** Why the document cannot be signed or declined now (by the client, or by a recorded paper copy). */
export function signatureRefusal(d: SignableState): Refusal {
  const number = d.number ?? d.id;
  if (!SIGNABLE_DOCUMENT_KINDS.includes(d.kind as DocumentKind)) return { code: 'document.not_signable', params: { number } };
  if (d.status === 'signed') return { code: 'document.already_signed', params: { number } };
  if (d.status === 'declined') return { code: 'document.already_declined', params: { number } };
  if (d.status !== 'sent') return { code: 'document.not_sent', params: { number, status: d.status } };
  return null;
}

/** An act as the invoicing rule needs it: its state and the live invoice made from it, if any. */
export interface InvoicedState extends SignableState {
  invoice_id: string | null;
  invoice_number: string | null;
}

/** Why no invoice can be made from the document now. */
export function invoiceFromDocumentRefusal(d: InvoicedState): Refusal {
  const number = d.number ?? d.id;
  if (d.kind !== 'act') return { code: 'document.invoice_act_only', params: { number } };
  if (d.status !== 'signed') return { code: 'document.invoice_unsigned', params: { number, status: d.status } };
  if (d.invoice_id) return { code: 'document.already_invoiced', params: { number, invoice: d.invoice_number ?? d.invoice_id } };
  return null;
}

/** May the actor make invoices for this account (so an invoice from its signed act)? */
export const canInvoiceDocuments = (actor: Actor, a: OwnedAccount) => createsInvoices(actor) && canManageBilling(actor, a);

/** Throws 403 when the actor reads the document but may not sign for its company. */
export function assertSpeaksForAccount(actor: Actor, a: OwnedAccount): void {
  if (!speaksForAccount(actor, a)) throw forbidden('access.sign_as_client');
}
