import { forbidden } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { assertCanManageAccount, assertCanReadInternal, type OwnedAccount } from './accounts.policy.js';
import { isStaff } from './people.policy.js';

/*
 * Loyalty tiers are the agency's programme: every staff member reads the tiers and their rules,
 * admins change them and run the evaluation. An account's standing (tier, reasons, risk,
 * referrals) is an internal record: its managers, admins and finance read it; specialists and
 * clients never see the rules or the reasons.
 */

export function assertSeesTiers(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('access.internal_only');
}

export function assertCanReadStanding(actor: Actor, account: OwnedAccount): void {
  assertCanReadInternal(actor, account, 'account');
}

/** Who brought an account is set by whoever manages it. */
export function assertCanSetReferral(actor: Actor, account: OwnedAccount): void {
  assertCanReadInternal(actor, account, 'account');
  assertCanManageAccount(actor, account);
}
