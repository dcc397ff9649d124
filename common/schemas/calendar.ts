import { z } from 'zod';

/** The agency's calendar now: the day "late", "today" and "this week" are measured against. */
export const AgencyCalendarSchema = z.object({
  timeZone: z.string().describe('The agency’s time zone (an IANA name), a setting'),
  today: z.string().describe('Today’s date (YYYY-MM-DD) in the agency’s time zone; open work due before it is late'),
  weekStart: z.string().describe('The Monday of this week'),
  weekEnd: z.string().describe('The Sunday of this week'),
});
export type AgencyCalendarNow = z.infer<typeof AgencyCalendarSchema>;
