import { z } from 'zod';
import { DEFAULT_SPECIALIST_ROLES } from '../../../common/enums.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertStaff, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { ProjectService } from '../projects/index.js';
import type { SettingsService } from '../settings/index.js';
import type { RoleRates } from '../../../common/role-rates.js';

const SPECIALIST_ROLES_KEY = 'delivery.specialist_roles';
const ROLE_RATES_KEY = 'delivery.role_rates';

const RolesSchema = z.array(z.string().min(1).max(50)).min(1).max(50);
const Rate = z.number().int().min(0);
/** As stored: role → currency → rate (minor units of that currency per hour). */
const RatesSchema = z.record(z.string(), z.record(z.string(), Rate));
/** As stored before rates had a currency: role → rate. Read as rates in the agency's default currency. */
const SingleCurrencyRatesSchema = z.record(z.string(), Rate);

/** Hourly rates per role, in minor units of the default currency, until an admin sets their own. */
export const DEFAULT_RATES: Record<string, number> = {
  seo: 6000,
  copywriter: 4500,
  usability: 7000,
  analytics: 7000,
  context_ads: 5500,
  designer: 6500,
  developer: 8000,
  other: 5000,
};

/** Rates of one currency as a table with that currency's column only. */
const inCurrency = (rates: Record<string, number>, currency: string): RoleRates =>
  Object.fromEntries(Object.entries(rates).map(([role, rate]) => [role, { [currency]: rate }]));

/** The table as kept: roles without any rate are left out. */
const withoutEmptyRows = (rates: RoleRates): RoleRates =>
  Object.fromEntries(Object.entries(rates).filter(([, r]) => Object.keys(r).length));

export type DeliverySettings = { specialistRoles: string[]; roleRates: RoleRates };

/** The specialist roles in use and their hourly rates per currency: staff read them, admins change them. */
export class RoleSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly defaultCurrency: string,
  ) {}

  async load(trx?: Kysely<DB>): Promise<DeliverySettings> {
    // Rates stored before they had a currency (migration 0015 converts them) still read, in the default currency.
    const stored = z.union([RatesSchema, SingleCurrencyRatesSchema.transform((r) => inCurrency(r, this.defaultCurrency))]);
    return {
      specialistRoles: await this.settings.get(SPECIALIST_ROLES_KEY, RolesSchema, [...DEFAULT_SPECIALIST_ROLES], trx),
      roleRates: await this.settings.get(ROLE_RATES_KEY, stored, inCurrency(DEFAULT_RATES, this.defaultCurrency), trx),
    };
  }

  /** The settings with the currencies a rate table needs columns for: the default one first, then every other in use. */
  async get(actor: Actor) {
    assertStaff(actor);
    const settings = await this.load();
    const inRates = Object.values(settings.roleRates).flatMap((r) => Object.keys(r));
    const others = new Set([...(await this.projects.currenciesInUse()), ...inRates]);
    others.delete(this.defaultCurrency);
    return { ...settings, currencies: [this.defaultCurrency, ...[...others].sort()] };
  }

  async update(actor: Actor, value: DeliverySettings) {
    assertAdmin(actor);
    await this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(SPECIALIST_ROLES_KEY, value.specialistRoles, t);
      await this.settings.set(ROLE_RATES_KEY, withoutEmptyRows(value.roleRates), t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'delivery',
        action: 'update',
        before,
        after: await this.load(t),
        at: this.clock.now().toISOString(),
      });
    });
    return this.get(actor);
  }
}
