import type { Selectable } from 'kysely';
import type { Account } from '../../../common/schemas/account.js';
import type { AccountsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';

export type AccountRow = Selectable<AccountsTable>;

export function presentAccount(r: AccountRow): Account {
  return withRecordMeta(r, {
    name: r.name,
    status: r.status as Account['status'],
    industry: r.industry,
    website: r.website,
    ownerId: r.owner_id,
    backupOwnerId: r.backup_owner_id,
    currency: r.currency,
    paymentTermsDays: r.payment_terms_days,
    creditLimitMinor: r.credit_limit_minor,
    language: r.language as Account['language'],
  });
}
