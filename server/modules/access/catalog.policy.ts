import type { ServiceAbilities } from '../../../common/schemas/service.js';
import { forbidden, notFound } from '../../lib/errors.js';
import type { Actor } from './actor.js';
import { isAdmin, isStaff } from './people.policy.js';

/*
 * The service catalog: every staff role reads it (managers price proposals from it, specialists
 * see what was sold); only admins change it. Clients never see it: what they buy reaches them
 * on proposals and invoices, not as the agency's price list.
 */

/** Who reads the catalog: staff. */
export const seesServices = (actor: Actor) => isStaff(actor);

/** Who adds, changes, deactivates and reactivates services: admins. */
export const managesServices = (actor: Actor) => isAdmin(actor);

/** The list is refused to those who never see services (403, as other staff-only lists). */
export function assertCanListServices(actor: Actor): void {
  if (!seesServices(actor)) throw forbidden('access.staff_only');
}

/** A single service reads as missing to those who never see services. */
export function assertCanReadService(actor: Actor): void {
  if (!seesServices(actor)) throw notFound('service');
}

/** Adding to the catalog is for admins. */
export function assertCanAddService(actor: Actor): void {
  if (!managesServices(actor)) throw forbidden('access.admin_only');
}

/** Changing a service is for admins; to a client, who never sees services, it does not exist. */
export function assertCanChangeService(actor: Actor): void {
  assertCanReadService(actor);
  assertCanAddService(actor);
}

/** What the actor may do with a service they read. */
export function serviceAbilities(actor: Actor, service: { active: number | boolean }): ServiceAbilities {
  const manages = managesServices(actor);
  return { update: manages, deactivate: manages && Boolean(service.active), reactivate: manages && !service.active };
}
