import { z } from 'zod';
import { DEFAULT_SPECIALIST_ROLES } from '../../../common/enums.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertStaff, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const SPECIALIST_ROLES_KEY = 'delivery.specialist_roles';
const ROLE_RATES_KEY = 'delivery.role_rates';

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

/** The specialist roles in use and their hourly rates: staff read them, admins change them. */
export class RoleSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  async load(trx?: Kysely<DB>): Promise<DeliverySettings> {
    return {
      specialistRoles: await this.settings.get(SPECIALIST_ROLES_KEY, RolesSchema, [...DEFAULT_SPECIALIST_ROLES], trx),
      roleRates: await this.settings.get(ROLE_RATES_KEY, RatesSchema, DEFAULT_RATES, trx),
    };
  }

  async get(actor: Actor): Promise<DeliverySettings> {
    assertStaff(actor);
    return this.load();
  }

  async update(actor: Actor, value: DeliverySettings): Promise<DeliverySettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(SPECIALIST_ROLES_KEY, value.specialistRoles, t);
      await this.settings.set(ROLE_RATES_KEY, value.roleRates, t);
      const after = await this.load(t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'delivery',
        action: 'update',
        before,
        after,
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }
}
