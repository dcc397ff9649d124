import { z } from 'zod';
import { calendarDate } from '../../lib/dates.js';
import type { SettingsService } from './settings.service.js';

export const TIME_ZONE_KEY = 'agency.time_zone';

const TimeZoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'Unknown time zone');

/** The agency's time zone: "today", "late" and "overdue" are decided in it. */
export const agencyTimeZone = (settings: SettingsService) => settings.get(TIME_ZONE_KEY, TimeZoneSchema, 'UTC');

/** Today's calendar date in the agency's time zone. */
export async function agencyToday(settings: SettingsService, now: Date): Promise<string> {
  return calendarDate(now, await agencyTimeZone(settings));
}
