import { DEFAULT_SPECIALIST_ROLES } from '../../common/enums.js';
import type { RoleRates } from '../../common/role-rates.js';
import type { Actor } from '../modules/access/index.js';
import type { Services } from '../composition.js';
import { DEFAULT_RATES } from '../modules/tasks/index.js';

/** Each role's rate (the default euro one) in every currency the demo's clients pay in: rouble and dollar rates are set, not converted. */
export const DEMO_RATES: RoleRates = Object.fromEntries(
  Object.entries(DEFAULT_RATES).map(([role, eur]) => [role, { EUR: eur, USD: Math.round((eur * 1.1) / 500) * 500, RUB: eur * 90 }]),
);

/** The demo agency prices work in euros, dollars and roubles. */
export async function seedRates(services: Services, admin: Actor) {
  await services.roles.update(admin, { specialistRoles: [...DEFAULT_SPECIALIST_ROLES], roleRates: DEMO_RATES });
}
