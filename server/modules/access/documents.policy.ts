import { type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { CLIENT_DOCUMENT_KINDS, type DocumentKind, type DocumentStatus } from '../../../common/enums.js';
import type { DocumentAbilities } from '../../../common/schemas/document.js';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound, type Refusal } from '../../lib/errors.js';
import { accountIdScope, canReadAccount, owningAccount, type OnAccount, type OwnedAccount } from './accounts.policy.js';
import { canInvoiceDocuments, invoiceFromDocumentRefusal, signatureRefusal, speaksForAccount, type InvoicedState } from './acts.policy.js';
import type { Actor } from './actor.js';
import { FALSE } from './conditions.js';

/*
 * Paperwork. Admins and finance read and prepare the documents of every account; an account
 * manager those of the accounts they own (backups read only); a client user only their own
 * company's documents that were sent, of the kinds meant for clients (never drafts, never
 * internal ones); a specialist none.
 */

/** Roles that ever see documents: everyone but specialists. */
export const seesDocuments = (actor: Actor) => actor.role !== 'specialist';

export function assertSeesDocuments(actor: Actor): void {
  if (!seesDocuments(actor)) throw forbidden('access.documents_hidden');
}

/** Drafting and sending documents: admins, finance and account managers (for the accounts they own). */
export const createsDocuments = (actor: Actor) => actor.role === 'admin' || actor.role === 'finance' || actor.role === 'account_manager';

export function assertCanCreateDocuments(actor: Actor): void {
  if (!createsDocuments(actor)) throw forbidden('access.create_document');
}

const CLIENT_HIDDEN_STATUSES: readonly DocumentStatus[] = ['draft'];

/** Documents the actor may read, as a condition on the `documents` table. */
export function documentScope(actor: Actor, eb: ExpressionBuilder<DB, 'documents'>): Expression<SqlBool> {
  if (!seesDocuments(actor)) return FALSE;
  if (actor.role === 'client') {
    if (!actor.accountId) return FALSE;
    return eb.and([
      eb('documents.account_id', '=', actor.accountId),
      eb('documents.status', 'not in', CLIENT_HIDDEN_STATUSES),
      eb('documents.kind', 'in', CLIENT_DOCUMENT_KINDS),
    ]);
  }
  return accountIdScope(actor, eb, 'documents.account_id');
}

/** May the actor read this document of this account? */
export function canReadDocument(actor: Actor, a: OwnedAccount, doc: { kind: string; status: string }): boolean {
  if (!seesDocuments(actor) || !canReadAccount(actor, a)) return false;
  if (actor.role !== 'client') return true;
  return doc.status !== 'draft' && CLIENT_DOCUMENT_KINDS.includes(doc.kind as DocumentKind);
}

/** May the actor draft, change, send and cancel the account's documents? */
export function canManageDocuments(actor: Actor, a: OwnedAccount): boolean {
  return actor.role === 'admin' || actor.role === 'finance' || (actor.role === 'account_manager' && a.owner_id === actor.id);
}

/** Throws 404 when the actor may not see the account's documents, 403 when they may read but not change them. */
export function assertCanManageDocuments(actor: Actor, a: OwnedAccount): void {
  if (!seesDocuments(actor) || !canReadAccount(actor, a)) throw notFound('document');
  if (!canManageDocuments(actor, a)) throw forbidden('access.documents_read_only');
}

/** The state of a document that decides what may happen to it. */
export interface DocumentState {
  id: string;
  number: string | null;
  status: string;
}

const label = (d: DocumentState) => d.number ?? d.id;

/** From `sent` on the content is frozen. */
export const documentEditRefusal = (d: DocumentState): Refusal =>
  d.status === 'draft' ? null : { code: 'document.not_draft', params: { number: label(d), status: d.status } };

/** A draft is sent (numbered and frozen); a sent or signed one may be sent again; never a cancelled or declined one. */
export function documentSendRefusal(d: DocumentState): Refusal {
  if (d.status === 'cancelled') return { code: 'document.send_cancelled', params: { number: label(d) } };
  if (d.status === 'declined') return { code: 'document.send_declined', params: { number: label(d) } };
  return null;
}

/** Cancelled from draft or sent only. */
export const documentCancelRefusal = (d: DocumentState): Refusal =>
  d.status === 'draft' || d.status === 'sent'
    ? null
    : { code: 'document.cancel_not_allowed', params: { number: label(d), status: d.status } };

/** What the actor may do with a document they read. */
export function documentAbilities(actor: Actor, doc: OnAccount & DocumentState & InvoicedState): DocumentAbilities {
  const account = owningAccount(doc);
  const manages = canManageDocuments(actor, account);
  const signable = !signatureRefusal(doc);
  return {
    update: manages && !documentEditRefusal(doc),
    send: manages && !documentSendRefusal(doc),
    cancel: manages && !documentCancelRefusal(doc),
    seeHistory: actor.role !== 'client',
    sign: speaksForAccount(actor, account) && signable,
    decline: speaksForAccount(actor, account) && signable,
    recordPaperSignature: manages && signable,
    createInvoice: canInvoiceDocuments(actor, account) && !invoiceFromDocumentRefusal(doc),
  };
}

/** For the account page: may the actor start a document for this account? */
export const canCreateDocumentFor = (actor: Actor, a: OwnedAccount) => createsDocuments(actor) && canManageDocuments(actor, a);
