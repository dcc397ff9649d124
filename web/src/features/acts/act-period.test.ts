import { describe, expect, it } from 'vitest';
import { lastMonth, localToday } from './act-period';

describe('last month', () => {
  it('is the whole previous calendar month, across years and short months', () => {
    expect(lastMonth('2026-03-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(lastMonth('2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(lastMonth('2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(lastMonth('2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-07-31' });
  });

  it('takes today from the local calendar', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
