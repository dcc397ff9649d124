import type { Objection } from '../../../common/schemas/objection.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { objectionAbilities, type Actor, type OwnedAccount } from '../access/index.js';
import type { ObjectionRow } from './objection.repository.js';

/** The account an objection row was read with, as the access rules judge it. */
export const accountOf = (r: ObjectionRow): OwnedAccount => ({
  id: r.account_id,
  owner_id: r.account_owner_id,
  backup_owner_id: r.backup_owner_id,
});

/** The deal an objection row was read with, as the access rules judge it. */
export const dealOf = (r: ObjectionRow) => ({ owner_id: r.deal_owner_id });

export function presentObjection(r: ObjectionRow, actor: Actor): Objection {
  return withRecordMeta(r, {
    dealId: r.deal_id,
    dealTitle: r.deal_title,
    accountId: r.account_id,
    accountName: r.account_name,
    interactionId: r.interaction_id,
    category: r.category,
    text: r.text,
    response: r.response,
    result: r.result,
    playbookAnswerId: r.answer_key,
    createdById: r.created_by_id,
    can: objectionAbilities(actor, dealOf(r), accountOf(r)),
  });
}
