import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';
import { addDays, daysBetween } from './dates.js';
import { isValidTimeZone, localDate, localMinutes, startOfLocalDay, timeOfDayMinutes } from './timezone.js';

describe('agency-local dates', () => {
  it('decides the day in the agency time zone, not UTC', () => {
    const instant = new Date('2026-03-01T22:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'Europe/Moscow')).toBe('2026-03-02');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-01');
    expect(localMinutes(instant, 'Europe/Moscow')).toBe(90);
  });

  it('follows daylight saving time', () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer.
    expect(localMinutes(new Date('2026-01-15T08:00:00Z'), 'Europe/Berlin')).toBe(9 * 60);
    expect(localMinutes(new Date('2026-07-15T08:00:00Z'), 'Europe/Berlin')).toBe(10 * 60);
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -4000, max: 4000 }), (offset, n) => {
        const start = addDays('1990-01-01', offset);
        expect(daysBetween(start, addDays(start, n))).toBe(n);
      }),
    );
  });

  it('finds the instant a local day begins, in any zone and across changes of offset', () => {
    expect(startOfLocalDay('2026-03-02', 'Europe/Moscow').toISOString()).toBe('2026-03-01T21:00:00.000Z');
    expect(startOfLocalDay('2026-07-15', 'Europe/Berlin').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfLocalDay('2026-03-02', 'America/New_York').toISOString()).toBe('2026-03-02T05:00:00.000Z');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
        (offset, zone) => {
          const day = addDays('2024-01-01', offset);
          const start = startOfLocalDay(day, zone);
          expect([localDate(start, zone), localMinutes(start, zone)]).toEqual([day, 0]);
        },
      ),
    );
  });

  it('keeps the local date for the whole of each UTC minute (offsets since 1973 are whole minutes), as the agency calendar assumes', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    const seconds = new Map(zones.map((zone) => [zone, new Intl.DateTimeFormat('en-US', { timeZone: zone, second: 'numeric' })]));
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1973-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const local = seconds
            .get(zone)!
            .formatToParts(instant)
            .find((p) => p.type === 'second')!.value;
          expect(Number(local)).toBe(instant.getUTCSeconds());
        },
      ),
      { numRuns: 5000 },
    );
    // Around midnight in a zone 5:45 ahead of UTC: the day changes on the minute.
    expect(localDate(new Date('2026-03-08T18:14:59.999Z'), 'Asia/Kathmandu')).toBe('2026-03-08');
    expect(localDate(new Date('2026-03-08T18:15:00.000Z'), 'Asia/Kathmandu')).toBe('2026-03-09');
  });

  it('parses a time of day and validates time zones', () => {
    expect(timeOfDayMinutes('09:30')).toBe(570);
    expect(isValidTimeZone('Europe/Moscow')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as formulas, keeps numbers, quotes separators', () => {
    const csv = toCsv(
      ['name', 'amount'],
      [
        ['=HYPERLINK("http://evil")', '-12.50'],
        ['+1 555', -5],
        ['@SUM(A1)', '0'],
        ['\tTabbed', null],
        ['-cmd', '1,5'],
        ['Ёлка "quoted"', '\rx'],
      ],
    );
    const lines = csv.replace('\uFEFF', '').split('\r\n');
    expect(lines).toEqual([
      'name,amount',
      `"'=HYPERLINK(""http://evil"")",-12.50`,
      `'+1 555,-5`,
      `'@SUM(A1),0`,
      `'\tTabbed,`,
      `'-cmd,"1,5"`,
      `"Ёлка ""quoted""","'\rx"`,
      '',
    ]);
  });
});
