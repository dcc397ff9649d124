import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { AgencyCalendarNow } from '../../../common/schemas/calendar.js';
import { addDays, weekStart } from '../../lib/dates.js';
import { isValidTimeZone, localDate } from '../../lib/timezone.js';
import type { SettingsService } from './settings.service.js';

export const TIME_ZONE_KEY = 'agency.time_zone';
export const DEFAULT_TIME_ZONE = 'UTC';
const ZONE = z.string();

/** The agency's time zone and its "today": the day overdue, late and due are measured against. */
export class AgencyCalendar {
  private lastDate: { minute: number; timeZone: string; date: string } | null = null;

  constructor(
    private readonly settings: SettingsService,
    private readonly clock: Clock,
  ) {}

  /**
   * The agency's time zone: inside a transaction read through it (which may have just changed
   * it); outside one, remembered for a few seconds (SETTINGS_CACHE_MS), as pages read it on every request.
   */
  async timeZone(trx?: Kysely<DB>): Promise<string> {
    const zone = trx?.isTransaction
      ? await this.settings.get(TIME_ZONE_KEY, ZONE, DEFAULT_TIME_ZONE, trx)
      : await this.settings.cached(TIME_ZONE_KEY, ZONE, DEFAULT_TIME_ZONE);
    return isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE;
  }

  /** Today's date (YYYY-MM-DD) in the agency's time zone. */
  async today(trx?: Kysely<DB>): Promise<string> {
    return this.dateIn(this.clock.now(), await this.timeZone(trx));
  }

  /**
   * The date in the zone at `now`, kept for the rest of the minute: offsets in use since 1973
   * are whole minutes, so no day starts inside one; formatting the date cost more than the
   * rest of reading "today".
   */
  private dateIn(now: Date, timeZone: string): string {
    const minute = Math.floor(now.getTime() / 60_000);
    const last = this.lastDate;
    if (last?.minute === minute && last.timeZone === timeZone) return last.date;
    const date = localDate(now, timeZone);
    this.lastDate = { minute, timeZone, date };
    return date;
  }

  /** Today and this week (Monday to Sunday) in the agency's time zone, as the web groups work by them. */
  async current(): Promise<AgencyCalendarNow> {
    const timeZone = await this.timeZone();
    const today = this.dateIn(this.clock.now(), timeZone);
    const monday = weekStart(today);
    return { timeZone, today, weekStart: monday, weekEnd: addDays(monday, 6) };
  }
}
