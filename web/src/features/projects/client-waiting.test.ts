import { describe, expect, it } from 'vitest';
import { daysSince } from './ClientWaiting';

describe('daysSince', () => {
  it('counts calendar days in the user’s time zone, never below zero', () => {
    const now = new Date(2026, 10, 30, 9, 0);
    expect(daysSince(new Date(2026, 10, 30, 8, 0).toISOString(), now)).toBe(0);
    expect(daysSince(new Date(2026, 10, 29, 23, 59).toISOString(), now)).toBe(1);
    expect(daysSince(new Date(2026, 7, 28, 12, 0).toISOString(), now)).toBe(94);
    expect(daysSince(new Date(2026, 11, 2).toISOString(), now)).toBe(0);
  });
});
