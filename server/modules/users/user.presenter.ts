import type { Selectable } from 'kysely';
import type { User } from '../../../common/schemas/user.js';
import type { UsersTable } from '../../db/schema.js';

export type UserRow = Selectable<UsersTable>;

/** Row -> API shape; the password hash never leaves the server. */
export function presentUser(r: UserRow): User {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    email: r.email,
    name: r.name,
    role: r.role as User['role'],
    specialties: JSON.parse(r.specialties),
    contactId: r.contact_id,
    accountId: r.account_id,
    active: r.active === 1,
    language: r.language as User['language'],
  };
}

/** The fields an audit entry shows for a user. */
export const auditedUser = (u: User) => ({ ...u, id: undefined });
