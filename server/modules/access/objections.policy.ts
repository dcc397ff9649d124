import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { accountIdScope, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import { FALSE } from './conditions.js';
import { canChangeDeal, canReadDeal } from './deals.policy.js';

/*
 * Objections follow their deal: whoever reads the deal reads them, whoever may change the deal
 * logs, changes and deletes them (finance reads only). Specialists and clients see none.
 */

/** Objections the actor may read, as a condition on `objections.account_id`. */
export function objectionScope(actor: Actor, eb: ExpressionBuilder<DB, 'objections'>): Expression<SqlBool> {
  return seesInternalRecords(actor) ? accountIdScope(actor, eb, 'objections.account_id') : FALSE;
}

/** 404 for an objection whose deal the actor may not read; 403 for one they read but may not change. */
export function assertCanChangeObjection(actor: Actor, deal: { owner_id: string }, account: OwnedAccount): void {
  if (!canReadDeal(actor, account)) throw notFound('objection');
  if (!canChangeDeal(actor, deal, account)) throw forbidden('access.account_read_only');
}

export function assertCanReadObjection(actor: Actor, account: OwnedAccount): void {
  if (!canReadDeal(actor, account)) throw notFound('objection');
}

export function objectionAbilities(actor: Actor, deal: { owner_id: string }, account: OwnedAccount) {
  const change = canChangeDeal(actor, deal, account);
  return { update: change, delete: change };
}
