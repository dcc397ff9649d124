import type { Selectable } from 'kysely';
import type { User } from '../../../common/schemas/user.js';
import type { UsersTable } from '../../db/schema.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { mayOwnAccounts, userAbilities, type Actor } from '../access/index.js';

export type UserRow = Selectable<UsersTable>;

/**
 * Row -> API shape as `actor` sees it (null: no one signed in, as at first-run setup); the
 * password hash never leaves the server. `photo` is the hash of the user's photo, null without one.
 */
export function presentUser(r: UserRow, actor: Actor | null, photo: string | null): User {
  return withRecordMeta(r, {
    email: r.email,
    name: r.name,
    role: r.role,
    specialties: JSON.parse(r.specialties) as string[],
    contactId: r.contact_id,
    accountId: r.account_id,
    active: r.active === 1,
    language: r.language,
    capacityHoursPerWeek: r.capacity_hours_per_week,
    phone: r.phone,
    mayOwnAccounts: mayOwnAccounts(r),
    // The hash in the address makes a new photo show at once.
    photoUrl: photo && `/api/v1/users/${r.id}/photo?v=${photo.slice(0, 12)}`,
    can: userAbilities(actor, r),
  });
}
