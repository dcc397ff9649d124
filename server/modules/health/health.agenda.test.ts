import { describe, expect, it } from 'vitest';
import type { HealthGrade } from '../../../common/schemas/health.js';
import { fallOf } from './health.agenda.js';

const point = (day: string, score: number | null, grade: HealthGrade | null) => ({ account_id: 'a', account_name: 'A', day, score, grade });

describe('a fall of health', () => {
  it('is a drop from the best of the week before by at least the setting’s points', () => {
    const points = [point('2026-06-01', 90, 'healthy'), point('2026-06-08', 80, 'healthy'), point('2026-06-10', 64, 'watch')];
    // 2026-06-01 is more than a week before the latest: the peak is 80.
    expect(fallOf(points, 15)).toMatchObject({ kind: 'drop', from: { day: '2026-06-08', score: 80 }, latest: { score: 64 } });
    expect(fallOf(points, 17)).toBeNull();
  });

  it('is entering "at risk" from the last day it was not, whatever the points', () => {
    const points = [point('2026-06-08', 45, 'watch'), point('2026-06-09', 38, 'at_risk'), point('2026-06-10', 37, 'at_risk')];
    expect(fallOf(points, 15)).toMatchObject({ kind: 'at_risk', from: { day: '2026-06-08', score: 45 } });
  });

  it('is nothing for an account long at risk, steady, or without a score', () => {
    expect(fallOf([point('2026-06-09', 30, 'at_risk'), point('2026-06-10', 31, 'at_risk')], 15)).toBeNull();
    expect(fallOf([point('2026-06-09', 80, 'healthy'), point('2026-06-10', 79, 'healthy')], 15)).toBeNull();
    expect(fallOf([point('2026-06-09', 80, 'healthy'), point('2026-06-10', null, null)], 15)).toBeNull();
  });
});
