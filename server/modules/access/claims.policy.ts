import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { accountIdScope, canManageAccount, canReadAccount, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import { FALSE } from './conditions.js';

/*
 * Claims follow their account. Staff who read the account's internal records read its claims
 * whole (admins and finance all, a manager those of the accounts they own or back up); the
 * account's manager or an admin moves and changes them (a backup reads only). A client user
 * reads and registers their own company's claims through the portal, in the client's view,
 * without root causes, internal notes or linked specialists and projects. Specialists see none:
 * claims are about the relationship, and who was involved is for analysis, not for them.
 */

/** Claims the actor reads in the staff view, as a condition on `claims.account_id`. */
export function claimScope(actor: Actor, eb: ExpressionBuilder<DB, 'claims'>): Expression<SqlBool> {
  return seesInternalRecords(actor) ? accountIdScope(actor, eb, 'claims.account_id') : FALSE;
}

export const canReadClaim = (actor: Actor, account: OwnedAccount): boolean => seesInternalRecords(actor) && canReadAccount(actor, account);

export const canChangeClaim = (actor: Actor, account: OwnedAccount): boolean =>
  canReadClaim(actor, account) && canManageAccount(actor, account);

export function assertCanReadClaim(actor: Actor, account: OwnedAccount): void {
  if (!canReadClaim(actor, account)) throw notFound('claim');
}

/** 404 for a claim the actor may not read; 403 for one they read but may not change. */
export function assertCanChangeClaim(actor: Actor, account: OwnedAccount): void {
  assertCanReadClaim(actor, account);
  if (!canChangeClaim(actor, account)) throw forbidden('access.account_read_only');
}

/** The portal's claims are a client user's own company's; staff use the staff view. */
export function assertClientOfCompany(actor: Actor): string {
  if (actor.role !== 'client' || !actor.accountId) throw forbidden('access.portal_only');
  return actor.accountId;
}

/** What the actor may do with a claim. */
export function claimAbilities(actor: Actor, account: OwnedAccount) {
  const change = canChangeClaim(actor, account);
  return { update: change, moveStatus: change };
}
