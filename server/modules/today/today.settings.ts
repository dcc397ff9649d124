import { ContactCadenceSchema, TodaySettingsSchema, type TodaySettings } from '../../../common/schemas/today-settings.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Database } from '../../db/database.js';
import type { Clock } from '../../lib/clock.js';
import { assertAdmin, type Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import type { SettingsService } from '../settings/index.js';

/** Each Today setting is a key of its own: the providers that read it read only it. */
const KEYS = {
  contactCadenceDays: 'today.contact_cadence_days',
  clientWaitDays: 'today.client_wait_days',
  proposalUndecidedDays: 'today.proposal_undecided_days',
} as const;

/** An active client is contacted every two weeks, a prospect monthly; things wait 5 days for the client, a proposal 3. */
export const DEFAULT_TODAY_SETTINGS: TodaySettings = {
  contactCadenceDays: { active: 14, prospect: 30, paused: 60, churned: null },
  clientWaitDays: 5,
  proposalUndecidedDays: 3,
};

/** A stored cadence may name only some statuses (the others keep their default). */
const StoredCadenceSchema = ContactCadenceSchema.partial();
const fields = TodaySettingsSchema.shape;

/** The Today settings as providers read them on every request (cached briefly). */
export class TodaySettingsReader {
  constructor(protected readonly settings: SettingsService) {}

  async contactCadence(): Promise<TodaySettings['contactCadenceDays']> {
    const stored = await this.settings.cached(KEYS.contactCadenceDays, StoredCadenceSchema, {});
    return { ...DEFAULT_TODAY_SETTINGS.contactCadenceDays, ...stored };
  }

  clientWaitDays(): Promise<number> {
    return this.settings.cached(KEYS.clientWaitDays, fields.clientWaitDays, DEFAULT_TODAY_SETTINGS.clientWaitDays);
  }

  proposalUndecidedDays(): Promise<number> {
    return this.settings.cached(KEYS.proposalUndecidedDays, fields.proposalUndecidedDays, DEFAULT_TODAY_SETTINGS.proposalUndecidedDays);
  }
}

/** How long things may wait before they are on Today: admins read and change them, audited. */
export class TodaySettingsService {
  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  private async load(t: Kysely<DB> = this.db): Promise<TodaySettings> {
    const d = DEFAULT_TODAY_SETTINGS;
    const cadence = await this.settings.get(KEYS.contactCadenceDays, StoredCadenceSchema, {}, t);
    return {
      contactCadenceDays: { ...d.contactCadenceDays, ...cadence },
      clientWaitDays: await this.settings.get(KEYS.clientWaitDays, fields.clientWaitDays, d.clientWaitDays, t),
      proposalUndecidedDays: await this.settings.get(KEYS.proposalUndecidedDays, fields.proposalUndecidedDays, d.proposalUndecidedDays, t),
    };
  }

  async get(actor: Actor): Promise<TodaySettings> {
    assertAdmin(actor);
    return this.load();
  }

  async update(actor: Actor, value: TodaySettings): Promise<TodaySettings> {
    assertAdmin(actor);
    return this.db.transaction().execute(async (t) => {
      const before = await this.load(t);
      for (const field of Object.keys(KEYS) as (keyof TodaySettings)[]) await this.settings.set(KEYS[field], value[field], t);
      const after = await this.load(t);
      const at = this.clock.now().toISOString();
      await recordAudit(t, { actorId: actor.id, recordType: 'settings', recordId: 'today', action: 'update', before, after, at });
      return after;
    });
  }
}
