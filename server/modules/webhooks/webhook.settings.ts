import type { Kysely } from 'kysely';
import { WebhookSettingsSchema, type WebhookSettings } from '../../../common/schemas/webhook.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

const WEBHOOK_SETTINGS_KEY = 'webhooks';

/** Until an admin names one, no private host may receive webhooks. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowedPrivateHosts: [] };

/** The hosts admins allow although private (on-premise receivers): checked on save and at connect time. */
export class WebhookSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  load(trx?: Kysely<DB>): Promise<WebhookSettings> {
    return this.settings.get(WEBHOOK_SETTINGS_KEY, WebhookSettingsSchema, DEFAULT_WEBHOOK_SETTINGS, trx);
  }

  async get(actor: Actor): Promise<WebhookSettings> {
    assertAdmin(actor);
    return this.load();
  }

  async update(actor: Actor, changes: Partial<WebhookSettings>): Promise<WebhookSettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      const after = { ...before, ...changes };
      await this.settings.set(WEBHOOK_SETTINGS_KEY, after, t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'webhooks', action: 'update', before, after, at });
      return after;
    });
  }
}
