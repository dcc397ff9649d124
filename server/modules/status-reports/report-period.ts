import type { ReportSchedule } from '../../../common/enums.js';
import { addDays, daysBetween, weekStart } from '../../lib/dates.js';

/** A report's period, both days included. */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** A project's schedule: how often, on which day (weekday 1–7 or day of month 1–28) and hour. */
export interface ReportScheduleOf {
  schedule: ReportSchedule;
  day: number;
  hour: number;
}

/** After its hour, a scheduled report is still sent this long (an instance that was down catches up). */
export const CATCH_UP_MINUTES = 48 * 60;

/** ISO weekday, 1 (Monday) to 7 (Sunday). */
const weekday = (date: string) => daysBetween(weekStart(date), date) + 1;

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const previousMonth = (date: string): ReportPeriod => {
  const end = addDays(monthStart(date), -1);
  return { from: monthStart(end), to: end };
};

/** The latest day on or before `today` the schedule sends a report on. */
function lastRunDate(s: ReportScheduleOf, today: string): string {
  if (s.schedule === 'monthly') {
    const thisMonth = `${today.slice(0, 8)}${String(s.day).padStart(2, '0')}`;
    return thisMonth <= today ? thisMonth : `${addDays(monthStart(today), -1).slice(0, 8)}${String(s.day).padStart(2, '0')}`;
  }
  return addDays(today, -((weekday(today) - (s.schedule === 'weekly' ? s.day : 1) + 7) % 7));
}

/** What a report sent on `runDate` covers: the week before it, or the previous calendar month. */
function periodOfRun(s: ReportScheduleOf, runDate: string): ReportPeriod {
  return s.schedule === 'monthly' ? previousMonth(runDate) : { from: addDays(runDate, -7), to: addDays(runDate, -1) };
}

/**
 * The period a report made today covers by default: the one of the schedule's latest run (a
 * project without a schedule: the seven days before today).
 */
export function lastPeriod(s: ReportScheduleOf, today: string): ReportPeriod {
  if (s.schedule === 'none') return { from: addDays(today, -7), to: addDays(today, -1) };
  return periodOfRun(s, lastRunDate(s, today));
}

/**
 * The period whose scheduled report is due at the agency's local `today` and `minutes` past
 * midnight: from the schedule's day and hour until the catch-up window closes; null otherwise.
 */
export function duePeriod(s: ReportScheduleOf, today: string, minutes: number): ReportPeriod | null {
  if (s.schedule === 'none') return null;
  const runDate = lastRunDate(s, today);
  const elapsed = daysBetween(runDate, today) * 1440 + minutes - s.hour * 60;
  if (elapsed < 0) {
    // today is the day but not yet the hour: the previous run may still be catching up
    const previous = lastRunDate(s, addDays(runDate, -1));
    const sincePrevious = daysBetween(previous, today) * 1440 + minutes - s.hour * 60;
    return sincePrevious < CATCH_UP_MINUTES ? periodOfRun(s, previous) : null;
  }
  return elapsed < CATCH_UP_MINUTES ? periodOfRun(s, runDate) : null;
}
