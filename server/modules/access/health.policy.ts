import type { Actor } from './actor.js';
import { assertCanReadInternal, type OwnedAccount } from './accounts.policy.js';

/*
 * Account health is an internal record built from the account's invoices, surveys, claims,
 * work, contacts and deals: those who read all of them (the account's managers, admins and
 * finance) read it; for anyone else the account does not exist (404). Clients and specialists
 * never see a score or its reasons.
 */
export function assertCanReadHealth(actor: Actor, account: OwnedAccount): void {
  assertCanReadInternal(actor, account, 'account');
}
