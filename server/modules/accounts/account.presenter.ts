import type { Selectable } from 'kysely';
import type { Account } from '../../../common/schemas/account.js';
import type { AccountsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { accountAbilities, type Actor } from '../access/index.js';

export type AccountRow = Selectable<AccountsTable>;

/** The account as `actor` sees it, with what they may do with it. */
export function presentAccount(r: AccountRow, actor: Actor): Account {
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
    can: accountAbilities(actor, r),
  });
}
