import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { accountIdScope, canReadAccount, seesInternalRecords, type OwnedAccount } from './accounts.policy.js';
import { FALSE } from './conditions.js';

/*
 * Surveys follow their account for staff: admins and finance read every one, a manager those of
 * the accounts they own or back up; the account's manager (or an admin) sends them. Specialists
 * see none. A client answers only the surveys sent to their own contact, in the portal or by the
 * emailed link, and never reads the staff's list.
 */

/** Surveys the actor may read in the staff's list, as a condition on `surveys.account_id`. */
export function surveyScope(actor: Actor, eb: ExpressionBuilder<DB, 'surveys'>): Expression<SqlBool> {
  return seesInternalRecords(actor) ? accountIdScope(actor, eb, 'surveys.account_id') : FALSE;
}

export function assertCanReadSurvey(actor: Actor, account: OwnedAccount): void {
  if (!seesInternalRecords(actor) || !canReadAccount(actor, account)) throw notFound('survey');
}
