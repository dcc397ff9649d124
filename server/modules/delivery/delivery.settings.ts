import { z } from 'zod';
import { DEFAULT_SPECIALIST_ROLES } from '../../../common/enums.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { SettingsService } from '../settings/settings.service.js';

export const SPECIALIST_ROLES_KEY = 'delivery.specialist_roles';
export const ROLE_RATES_KEY = 'delivery.role_rates';

const RolesSchema = z.array(z.string().min(1).max(50)).min(1).max(50);
/** Hourly rate per specialist role, in minor units of the project's currency. */
const RatesSchema = z.record(z.string(), z.number().int().min(0));

const DEFAULT_RATES: Record<string, number> = {
  seo: 6000,
  copywriter: 4500,
  usability: 7000,
  analytics: 7000,
  context_ads: 5500,
  designer: 6500,
  developer: 8000,
  other: 5000,
};

export const DeliverySettingsSchema = z.object({ specialistRoles: RolesSchema, roleRates: RatesSchema });
export type DeliverySettings = z.infer<typeof DeliverySettingsSchema>;

/** The specialist roles in use and their hourly rates. */
export async function loadDeliverySettings(settings: SettingsService, trx?: Kysely<DB>): Promise<DeliverySettings> {
  return {
    specialistRoles: await settings.get(SPECIALIST_ROLES_KEY, RolesSchema, [...DEFAULT_SPECIALIST_ROLES], trx),
    roleRates: await settings.get(ROLE_RATES_KEY, RatesSchema, DEFAULT_RATES, trx),
  };
}

export async function saveDeliverySettings(settings: SettingsService, value: DeliverySettings): Promise<void> {
  await settings.set(SPECIALIST_ROLES_KEY, value.specialistRoles);
  await settings.set(ROLE_RATES_KEY, value.roleRates);
}
