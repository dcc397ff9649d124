import type { Selectable } from 'kysely';
import type { Contact } from '../../../common/schemas/contact.js';
import type { ContactsTable } from '../../db/schema.js';

export type ContactRow = Selectable<ContactsTable> & { account_name: string };

export function presentContact(r: ContactRow): Contact {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    accountId: r.account_id,
    accountName: r.account_name,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    phone: r.phone,
    position: r.position,
    decisionRole: r.decision_role as Contact['decisionRole'],
    portalAccess: r.portal_access === 1,
  };
}
