import type { Selectable } from 'kysely';
import type { Contact } from '../../../common/schemas/contact.js';
import type { ContactsTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';

export type ContactRow = Selectable<ContactsTable> & { account_name: string };

export function presentContact(r: ContactRow): Contact {
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    position: r.position,
    decisionRole: r.decision_role as Contact['decisionRole'],
    portalAccess: r.portal_access === 1,
  });
}
