import { describe, expect, it } from 'vitest';
import { nextWeek } from './dates';

describe('the day a snoozed item comes back', () => {
  it('is a week later by default, across months and years', () => {
    expect(nextWeek('2026-11-26')).toBe('2026-12-03');
    expect(nextWeek('2026-12-29')).toBe('2027-01-05');
    expect(nextWeek('2028-02-25')).toBe('2028-03-03'); // a leap year's February
  });

  it('takes another number of days (tomorrow: the earliest a snooze may end)', () => {
    expect(nextWeek('2026-11-30', 1)).toBe('2026-12-01');
  });
});
