import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { accountIdScope, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import { FALSE } from './conditions.js';
import { canChangeDeal, canReadDeal } from './deals.policy.js';

/*
 * Proposals follow their deal: whoever reads the deal reads its proposals (admins and finance
 * every one, a manager those of the accounts they own or back up), whoever changes the deal
 * changes them. A client user reads their own company's proposals once sent (never drafts).
 * Specialists see none.
 */

/** Proposals the actor may read, as a condition on `proposals`: the list query's own scope. */
export function proposalScope(actor: Actor, eb: ExpressionBuilder<DB, 'proposals'>): Expression<SqlBool> {
  if (actor.role === 'client') {
    return actor.accountId ? sql<SqlBool>`proposals.account_id = ${actor.accountId} and proposals.status <> 'draft'` : FALSE;
  }
  return seesInternalRecords(actor) ? accountIdScope(actor, eb, 'proposals.account_id') : FALSE;
}

export function canReadProposal(actor: Actor, account: OwnedAccount, proposal: { status: string }): boolean {
  if (actor.role === 'client') return actor.accountId === account.id && proposal.status !== 'draft';
  return canReadDeal(actor, account);
}

/**
 * For the staff routes of one proposal: a specialist or a client (who reads sent proposals in
 * the portal) is answered 404, exactly as for a proposal that does not exist.
 */
export function assertSeesStaffProposals(actor: Actor): void {
  if (!seesInternalRecords(actor)) throw notFound('proposal');
}

/** 404 for a proposal the actor may not read; 403 for one they read but may not change. */
export function assertCanChangeProposal(
  actor: Actor,
  deal: { owner_id: string },
  account: OwnedAccount,
  proposal: { status: string },
): void {
  if (!canReadProposal(actor, account, proposal)) throw notFound('proposal');
  if (!canChangeDeal(actor, deal, account)) throw forbidden('access.account_read_only');
}
