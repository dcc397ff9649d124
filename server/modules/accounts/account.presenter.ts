import type { Selectable } from 'kysely';
import type { Account, AccountFlags } from '../../../common/schemas/account.js';
import type { AccountsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { accountAbilities, seesInternalRecords, type Actor } from '../access/index.js';
import { NO_FLAGS } from './account.flags.js';

export type AccountRow = Selectable<AccountsTable>;

/** The account as `actor` sees it, with its flags (none unless given) and what they may do with it. */
export function presentAccount(r: AccountRow, actor: Actor, flags: AccountFlags = NO_FLAGS): Account {
  return withRecordMeta(r, {
    name: r.name,
    status: r.status,
    industry: r.industry,
    website: r.website,
    ownerId: r.owner_id,
    backupOwnerId: r.backup_owner_id,
    currency: r.currency,
    paymentTermsDays: r.payment_terms_days,
    creditLimitMinor: r.credit_limit_minor,
    language: r.language,
    flags,
    can: accountAbilities(actor, r),
    // -1 is the column's "no score yet" (it keeps the sort column non-null).
    health: seesInternalRecords(actor) ? { score: r.health_score < 0 ? null : r.health_score, grade: r.health_grade } : null,
  });
}
