import type { Kysely } from 'kysely';
import {
  STAFF_NOTICE_KINDS,
  type StaffNoticeKind,
  type StaffNotificationPreferences,
  type StaffNotificationPreferencesUpdate,
} from '../../../common/schemas/inbox.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { StaffNotificationSettingsTable } from '../../db/tables/staff-inbox.js';
import type { Clock } from '../../lib/clock.js';
import { recordAudit } from '../audit/index.js';
import { assertHasToday, type Actor } from '../access/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { InboxRepository } from './inbox.repository.js';

/** The morning digest's hour when a person has not chosen one. */
export const DEFAULT_DIGEST_HOUR = 8;

/** A person's choices, read: the kinds on in each channel, the digest hour, their own zone (null: the agency's). */
export interface StaffChoices {
  inApp: readonly StaffNoticeKind[];
  digest: readonly StaffNoticeKind[];
  digestHour: number;
  timeZone: string | null;
}

const kindsOn = (offJson: string | undefined): StaffNoticeKind[] => {
  const off = new Set(offJson ? (JSON.parse(offJson) as string[]) : []);
  return STAFF_NOTICE_KINDS.filter((k) => !off.has(k));
};

/** The choices a settings row holds; no row means the defaults. */
export const choicesOf = (row: StaffNotificationSettingsTable | undefined): StaffChoices => ({
  inApp: kindsOn(row?.in_app_off),
  digest: kindsOn(row?.digest_off),
  digestHour: row?.digest_hour ?? DEFAULT_DIGEST_HOUR,
  timeZone: row?.time_zone ?? null,
});

const flags = (on: readonly StaffNoticeKind[]) =>
  Object.fromEntries(STAFF_NOTICE_KINDS.map((k) => [k, on.includes(k)])) as Record<StaffNoticeKind, boolean>;

/** What each staff member is told of, in the bell and in the morning digest, and when the digest comes. */
export class InboxPreferences {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: InboxRepository,
    private readonly calendar: AgencyCalendar,
  ) {}

  async choices(userId: string, trx: Kysely<DB> = this.db): Promise<StaffChoices> {
    return choicesOf(await this.repo.settingsOf(userId, trx));
  }

  async mine(actor: Actor): Promise<StaffNotificationPreferences> {
    assertHasToday(actor);
    return this.present(await this.choices(actor.id));
  }

  /** Changes the named choices only; recorded in the audit log. */
  async updateMine(actor: Actor, changes: StaffNotificationPreferencesUpdate): Promise<StaffNotificationPreferences> {
    assertHasToday(actor);
    const after = await this.db.transaction().execute(async (t) => {
      const before = await this.choices(actor.id, t);
      const merged = (on: readonly StaffNoticeKind[], change: Partial<Record<StaffNoticeKind, boolean>> | undefined) =>
        STAFF_NOTICE_KINDS.filter((k) => change?.[k] ?? on.includes(k));
      const next: StaffChoices = {
        inApp: merged(before.inApp, changes.inApp),
        digest: merged(before.digest, changes.digest),
        digestHour: changes.digestHour ?? before.digestHour,
        timeZone: changes.timeZone !== undefined ? changes.timeZone : before.timeZone,
      };
      const at = this.clock.now().toISOString();
      await this.repo.putSettings(t, {
        user_id: actor.id,
        in_app_off: JSON.stringify(STAFF_NOTICE_KINDS.filter((k) => !next.inApp.includes(k))),
        digest_off: JSON.stringify(STAFF_NOTICE_KINDS.filter((k) => !next.digest.includes(k))),
        digest_hour: next.digestHour,
        time_zone: next.timeZone,
        updated_at: at,
      });
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'user',
        recordId: actor.id,
        action: 'update',
        before: { notifications: before },
        after: { notifications: next },
        at,
      });
      return next;
    });
    return this.present(after);
  }

  /** The zone a person's digest hour is read in: theirs, else the agency's. */
  async zoneOf(choices: StaffChoices): Promise<string> {
    return choices.timeZone ?? (await this.calendar.timeZone());
  }

  private async present(c: StaffChoices): Promise<StaffNotificationPreferences> {
    return {
      inApp: flags(c.inApp),
      digest: flags(c.digest),
      digestHour: c.digestHour,
      timeZone: c.timeZone,
      effectiveTimeZone: await this.zoneOf(c),
    };
  }
}
