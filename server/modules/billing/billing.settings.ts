import type { Kysely } from 'kysely';
import { z } from 'zod';
import { BillingSettingsSchema, FollowUpLevelSchema, type BillingSettings } from '../../../common/schemas/billing.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { fieldError } from '../../lib/errors.js';
import { isValidTimeZone } from '../../lib/timezone.js';
import { assertAdmin, assertSeesReceivables, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { TIME_ZONE_KEY, type AgencyCalendar, type SettingsService } from '../settings/index.js';
import { DEFAULT_BILLING_SETTINGS } from './billing.defaults.js';

/** Where each billing setting lives in the `settings` table; the time zone is agency-wide. */
const KEYS = {
  timeZone: TIME_ZONE_KEY,
  followUpTime: 'billing.follow_up_time',
  invoiceNumberFormat: 'billing.invoice_number_format',
  levels: 'billing.follow_up_levels',
} as const;

const shape = BillingSettingsSchema.shape;

/** Agency time zone, follow-up hour, invoice number format and the follow-up ladder. */
export class BillingSettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly calendar: AgencyCalendar,
    private readonly clock: Clock,
  ) {}

  /** The settings in force, each falling back to its default when unset. */
  async load(trx: Kysely<DB> = this.db): Promise<BillingSettings> {
    const d = DEFAULT_BILLING_SETTINGS;
    return {
      timeZone: await this.calendar.timeZone(trx),
      followUpTime: await this.settings.get(KEYS.followUpTime, shape.followUpTime, d.followUpTime, trx),
      invoiceNumberFormat: await this.settings.get(KEYS.invoiceNumberFormat, shape.invoiceNumberFormat, d.invoiceNumberFormat, trx),
      levels: await this.settings.get(KEYS.levels, z.array(FollowUpLevelSchema), d.levels, trx),
    };
  }

  /** Today's date in the agency's time zone: the day "overdue" is measured against. */
  today(trx: Kysely<DB> = this.db): Promise<string> {
    return this.calendar.today(trx);
  }

  /** Finance, managers and admins read them (pages show the ladder); only admins change them. */
  async get(actor: Actor): Promise<BillingSettings> {
    assertSeesReceivables(actor);
    return this.load();
  }

  async update(actor: Actor, changes: Partial<BillingSettings>): Promise<BillingSettings> {
    assertAdmin(actor);
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw fieldError('timeZone', 'validation.time_zone');
    }
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      for (const key of Object.keys(KEYS) as Array<keyof typeof KEYS>) {
        if (changes[key] !== undefined) {
          const value = key === 'levels' ? [...changes.levels!].sort((a, b) => a.days - b.days) : changes[key];
          await this.settings.set(KEYS[key], value, t);
        }
      }
      const after = await this.load(t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'settings',
        recordId: 'billing',
        action: 'update',
        before,
        after,
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }
}
