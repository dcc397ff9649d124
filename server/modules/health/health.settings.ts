import type { Kysely } from 'kysely';
import { HealthSettingsSchema, type HealthSettings } from '../../../common/schemas/health.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const HEALTH_KEY = 'health.score';

/** Until an admin changes them: money weighs most, then satisfaction; 70+ healthy, under 40 at risk; a 15-point fall is news. */
export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  weights: { payment: 25, satisfaction: 20, claims: 15, delivery: 15, engagement: 15, commercial: 10 },
  thresholds: { healthy: 70, atRisk: 40 },
  dropPoints: 15,
};

/** The score's weights, grade thresholds and drop alert: staff read them, admins change them. */
export class HealthSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<HealthSettings> {
    return this.settings.get(HEALTH_KEY, HealthSettingsSchema, DEFAULT_HEALTH_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<HealthSettings> {
    assertSeesInternal(actor);
    return this.load();
  }

  async update(actor: Actor, value: HealthSettings): Promise<HealthSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(HEALTH_KEY, value, t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'health', action: 'update', before, after, at });
      return after;
    });
  }
}
