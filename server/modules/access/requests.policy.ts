import { fieldError } from '../../lib/errors.js';
import { canReadAccount, type OwnedAccount } from './accounts.policy.js';
import type { Actor } from './actor.js';

/*
 * Requests: a client company's thread with the agency. Its people read and write it, and so
 * do the staff who read the account (its managers, admins, finance); a specialist reaches no
 * account, so no thread. Unlike interactions the thread is not internal: the client sees it all.
 */

/** May the actor read the account's thread and write to it? */
export const canUseRequests = (actor: Actor, account: OwnedAccount): boolean => canReadAccount(actor, account);

/**
 * The company whose thread a request is about: a client user's own one (naming it is optional),
 * or the one staff name. Whether the actor may use it is for `canUseRequests` to say.
 */
export function requestsAccountOf(actor: Actor, named: string | undefined): string {
  const accountId = actor.role === 'client' ? (named ?? actor.accountId) : named;
  if (!accountId) throw fieldError('accountId', 'message.account_required');
  return accountId;
}
