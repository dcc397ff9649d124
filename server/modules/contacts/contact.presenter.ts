import type { Selectable } from 'kysely';
import type { Contact } from '../../../common/schemas/contact.js';
import type { ContactsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { contactAbilities, owningAccount, type Actor } from '../access/index.js';

/** A contact with its account's name and ownership columns. */
export type ContactRow = Selectable<ContactsTable> & { account_name: string; owner_id: string | null; backup_owner_id: string | null };

/** The contact as `actor` sees it, with what they may do with it. */
export function presentContact(r: ContactRow, actor: Actor): Contact {
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    position: r.position,
    decisionRole: r.decision_role,
    portalAccess: r.portal_access === 1,
    receivesReports: r.receives_reports === 1,
    language: r.language,
    can: contactAbilities(actor, owningAccount(r)),
  });
}
