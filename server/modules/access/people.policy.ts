import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { ACCOUNT_OWNER_ROLES } from '../../../common/enums.js';
import type { UserAbilities } from '../../../common/schemas/user.js';
import type { DB } from '../../db/schema.js';
import { forbidden, type Refusal } from '../../lib/errors.js';
import { accountIdScope } from './accounts.policy.js';
import type { Actor } from './actor.js';

/*
 * People: staff and client users. Admins manage users and the agency's settings; staff look
 * each other up; a client user sees only themselves.
 */

/** Staff are everyone but client users. */
export const isStaff = (who: Pick<Actor, 'role'>) => who.role !== 'client';

/** Admins run the agency's settings, users and audit log. */
export const isAdmin = (actor: Actor) => actor.role === 'admin';

export function assertStaff(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('access.staff_only');
}

/** The portal's own pages are a client company's: a client user with a company. Staff use the app. */
export function assertPortalUser(actor: Actor): asserts actor is Actor & { accountId: string } {
  if (actor.role !== 'client' || !actor.accountId) throw forbidden('access.portal_only');
}

export function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw forbidden('access.admin_only');
}

/** Staff may turn on two-factor sign-in; client users sign in to the portal with a password. */
export const usesTwoFactor = (who: Pick<Actor, 'role'>) => isStaff(who);

/** An admin never demotes or deactivates themselves, so the agency cannot lose its last admin by accident. */
export const selfDemotionRefusal = (actor: Actor, userId: string, changes: { active?: boolean; role?: string }): Refusal =>
  userId === actor.id && (changes.active === false || (changes.role !== undefined && changes.role !== 'admin'))
    ? { code: 'user.self_demotion' }
    : null;

export { ACCOUNT_OWNER_ROLES };

/** Whether accounts may name this user as owner or backup: an active account manager or admin. */
export const mayOwnAccounts = (user: { role: string; active: number }) =>
  user.active === 1 && (ACCOUNT_OWNER_ROLES as readonly string[]).includes(user.role);

/** Users the actor may see: staff see staff and the client users of accounts they read; a client user only themselves. */
export function userScope(actor: Actor, eb: ExpressionBuilder<DB, 'users'>): Expression<SqlBool> {
  if (actor.role === 'client') return eb('users.id', '=', actor.id);
  return eb.or([eb('users.role', '!=', 'client'), accountIdScope(actor, eb, 'users.account_id')]);
}

/** A user changes their own photo; an admin anyone's. */
export const mayChangePhoto = (actor: Actor, userId: string) => actor.id === userId || isAdmin(actor);

export function assertMayChangePhoto(actor: Actor, userId: string): void {
  if (!mayChangePhoto(actor, userId)) throw forbidden('access.user_photo');
}

/** What the actor may do with a user they see; with no one signed in (first-run setup), nothing. */
export function userAbilities(actor: Actor | null, user: { id: string }): UserAbilities {
  const admin = actor !== null && isAdmin(actor);
  return {
    update: admin,
    setActive: admin && !selfDemotionRefusal(actor, user.id, { active: false }),
    changePhoto: actor !== null && mayChangePhoto(actor, user.id),
  };
}
