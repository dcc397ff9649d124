import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import {
  accountIdScope,
  canManageAccount,
  canReadAccount,
  managesAccounts,
  seesEveryAccount,
  seesInternalRecords,
  type OwnedAccount,
} from './accounts.policy.js';
import { FALSE, TRUE } from './conditions.js';

/*
 * Corrective actions follow the claims they are about. Admins and finance read every one; a
 * manager reads those they own and those touching an account they own or back up. Admins and the
 * action's owner change and check it, and so does the manager of a claim's account for a claim's
 * action; finance and backups read only. Specialists and clients never see one, not even in the
 * portal: what the agency changes in itself is internal.
 */

/** What the rules need of an action: its owner and scope, and the accounts of its claims. */
export interface ActionAccess {
  owner_id: string;
  scope: 'claim' | 'root_cause';
  accounts: OwnedAccount[];
}

/** Actions the actor reads, as a condition on `corrective_actions`. */
export function correctiveActionScope(actor: Actor, eb: ExpressionBuilder<DB, 'corrective_actions'>): Expression<SqlBool> {
  if (!seesInternalRecords(actor)) return FALSE;
  if (seesEveryAccount(actor)) return TRUE;
  const touching = eb
    .selectFrom('corrective_action_claims')
    .select('corrective_action_claims.action_id')
    .whereRef('corrective_action_claims.action_id', '=', 'corrective_actions.id')
    .where((c) => accountIdScope(actor, c, 'corrective_action_claims.account_id'));
  return eb.or([eb('corrective_actions.owner_id', '=', actor.id), eb.exists(touching)]);
}

export const canReadCorrectiveAction = (actor: Actor, a: ActionAccess): boolean =>
  seesInternalRecords(actor) &&
  (seesEveryAccount(actor) || a.owner_id === actor.id || a.accounts.some((acc) => canReadAccount(actor, acc)));

export const canChangeCorrectiveAction = (actor: Actor, a: ActionAccess): boolean =>
  canReadCorrectiveAction(actor, a) &&
  managesAccounts(actor) &&
  (actor.role === 'admin' || a.owner_id === actor.id || (a.scope === 'claim' && a.accounts.some((acc) => canManageAccount(actor, acc))));

export function assertCanReadCorrectiveAction(actor: Actor, a: ActionAccess): void {
  if (!canReadCorrectiveAction(actor, a)) throw notFound('corrective_action');
}

/** 404 for an action the actor may not read; 403 for one they read but may not change. */
export function assertCanChangeCorrectiveAction(actor: Actor, a: ActionAccess): void {
  assertCanReadCorrectiveAction(actor, a);
  if (!canChangeCorrectiveAction(actor, a)) throw forbidden('access.account_read_only');
}

/** Only those who look after accounts open corrective actions (on a claim, its account's manager or an admin). */
export function assertOpensCorrectiveActions(actor: Actor): void {
  if (!seesInternalRecords(actor)) throw forbidden('access.internal_only');
  if (!managesAccounts(actor)) throw forbidden();
}

/** What the actor may do with an action they read. */
export function correctiveActionAbilities(actor: Actor, a: ActionAccess & { status: string }) {
  const change = canChangeCorrectiveAction(actor, a) && a.status === 'open';
  return { update: change, check: change };
}
