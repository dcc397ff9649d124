import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { accountIdScope, canManageAccount, canReadAccount, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import { FALSE } from './conditions.js';

/*
 * Deals follow their account: whoever reads the account's internal records reads its deals
 * (admins and finance every one, a manager those of the accounts they own or back up); the
 * account's manager (or an admin) changes them, and so does the deal's owner, who is one of the
 * account's managers. Specialists and clients see none.
 */

/** Deals the actor may read, as a condition on `deals.account_id`: the list query's own scope. */
export function dealScope(actor: Actor, eb: ExpressionBuilder<DB, 'deals'>): Expression<SqlBool> {
  return seesInternalRecords(actor) ? accountIdScope(actor, eb, 'deals.account_id') : FALSE;
}

export const canReadDeal = (actor: Actor, account: OwnedAccount): boolean => seesInternalRecords(actor) && canReadAccount(actor, account);

/** The account's manager or an admin, or the deal's own owner (while they still read the account). */
export const canChangeDeal = (actor: Actor, deal: { owner_id: string }, account: OwnedAccount): boolean =>
  canReadDeal(actor, account) && (canManageAccount(actor, account) || (actor.role === 'account_manager' && deal.owner_id === actor.id));

/** 404 for a deal the actor may not read; 403 for one they read but may not change. */
export function assertCanChangeDeal(actor: Actor, deal: { owner_id: string }, account: OwnedAccount): void {
  if (!canReadDeal(actor, account)) throw notFound('deal');
  if (!canChangeDeal(actor, deal, account)) throw forbidden('access.account_read_only');
}

export function assertCanReadDeal(actor: Actor, account: OwnedAccount): void {
  if (!canReadDeal(actor, account)) throw notFound('deal');
}

/** What the actor may do with a deal. */
export function dealAbilities(actor: Actor, deal: { owner_id: string }, account: OwnedAccount) {
  const change = canChangeDeal(actor, deal, account);
  return { update: change, moveStage: change };
}
