import type { Kysely } from 'kysely';
import { LoyaltySettingsSchema, type LoyaltySettings } from '../../../common/schemas/loyalty.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, assertSeesInternal, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const LOYALTY_KEY = 'loyalty.programme';

/** Until an admin changes it: the referrer earns a 5 % discount once the referred account first pays. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = { referralReward: { kind: 'percent', percent: 5 } };

/** The programme's settings (the referral reward): staff read them, admins change them. */
export class LoyaltySettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<LoyaltySettings> {
    return this.settings.get(LOYALTY_KEY, LoyaltySettingsSchema, DEFAULT_LOYALTY_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<LoyaltySettings> {
    assertSeesInternal(actor);
    return this.load();
  }

  async update(actor: Actor, value: LoyaltySettings): Promise<LoyaltySettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      await this.settings.set(LOYALTY_KEY, value, t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'loyalty', action: 'update', before, after, at });
      return after;
    });
  }
}
