import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../lib/dates.js';
import { CATCH_UP_MINUTES, duePeriod, lastPeriod, type ReportScheduleOf } from './report-period.js';

const weekly = (day: number, hour = 9): ReportScheduleOf => ({ schedule: 'weekly', day, hour });
const monthly = (day: number, hour = 9): ReportScheduleOf => ({ schedule: 'monthly', day, hour });

describe('status report periods', () => {
  it('a weekly report on Monday at 9 covers the week before; not before 9, and not after the catch-up window', () => {
    // 2026-03-09 is a Monday
    expect(duePeriod(weekly(1), '2026-03-09', 8 * 60 + 59)).toBeNull();
    expect(duePeriod(weekly(1), '2026-03-09', 9 * 60)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(duePeriod(weekly(1), '2026-03-10', 23 * 60)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(duePeriod(weekly(1), '2026-03-11', 9 * 60)).toBeNull();
  });

  it('a weekly report on Friday covers Friday to Thursday', () => {
    expect(duePeriod(weekly(5, 17), '2026-03-13', 17 * 60)).toEqual({ from: '2026-03-06', to: '2026-03-12' });
  });

  it('a monthly report on the 3rd covers the previous calendar month, across a year', () => {
    expect(duePeriod(monthly(3), '2026-03-03', 10 * 60)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(duePeriod(monthly(1), '2026-01-01', 9 * 60)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(duePeriod(monthly(3), '2026-03-02', 10 * 60)).toBeNull();
  });

  it('on demand, the last period of the schedule (a project without one: the seven days before today)', () => {
    expect(lastPeriod(weekly(1), '2026-03-11')).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(lastPeriod(monthly(28), '2026-03-11')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(lastPeriod(monthly(1), '2026-03-11')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastPeriod({ schedule: 'none', day: 1, hour: 9 }, '2026-03-11')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
  });

  it('every minute of every day names at most one due period, which ended before today and is due for less than the window', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('weekly' as const, 'monthly' as const),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 1439 }),
        (schedule, rawDay, hour, offset, minutes) => {
          const s = { schedule, day: schedule === 'weekly' ? ((rawDay - 1) % 7) + 1 : rawDay, hour };
          const today = addDays('2024-01-01', offset);
          const due = duePeriod(s, today, minutes);
          if (!due) return;
          expect(due.to < today).toBe(true);
          expect(due.from <= due.to).toBe(true);
          const runDate = addDays(due.to, schedule === 'weekly' ? 1 : s.day);
          const elapsed = daysBetween(runDate, today) * 1440 + minutes - hour * 60;
          expect(elapsed >= 0 && elapsed < CATCH_UP_MINUTES).toBe(true);
        },
      ),
    );
  });
});
