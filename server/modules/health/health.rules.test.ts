import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEALTH_COMPONENTS } from '../../../common/schemas/health.js';
import { DEFAULT_HEALTH_SETTINGS } from './health.settings.js';
import { combine, gradeOf, satisfactionVerdict, type ComponentVerdict } from './health.rules.js';

const verdicts = fc
  .tuple(...HEALTH_COMPONENTS.map(() => fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })))
  .map((scores) => HEALTH_COMPONENTS.map((component, i): ComponentVerdict => ({ component, score: scores[i], facts: [] })));
const weights = fc.record(
  Object.fromEntries(HEALTH_COMPONENTS.map((c) => [c, fc.integer({ min: 0, max: 100 })])) as Record<
    (typeof HEALTH_COMPONENTS)[number],
    fc.Arbitrary<number>
  >,
);

describe('combining the components', () => {
  it('gives a score between the lowest and highest component with data and weight, or none when there is none', () => {
    fc.assert(
      fc.property(verdicts, weights, (components, w) => {
        const settings = { ...DEFAULT_HEALTH_SETTINGS, weights: w };
        const counted = components.filter((c) => c.score !== null && w[c.component] > 0).map((c) => c.score!);
        const { score, grade } = combine(components, settings);
        if (counted.length === 0) return score === null && grade === null;
        return score! >= Math.min(...counted) && score! <= Math.max(...counted) && grade === gradeOf(score!, settings.thresholds);
      }),
    );
  });

  it('ignores a component without data whatever its weight (the weights are renormalised)', () => {
    fc.assert(
      fc.property(verdicts, weights, fc.integer({ min: 0, max: 100 }), (components, w, other) => {
        const noData = components.map((c) => (c.component === 'claims' ? { ...c, score: null } : c));
        const a = combine(noData, { ...DEFAULT_HEALTH_SETTINGS, weights: w });
        const b = combine(noData, { ...DEFAULT_HEALTH_SETTINGS, weights: { ...w, claims: other } });
        expect(b).toEqual(a);
      }),
    );
  });

  it('grades at the thresholds: healthy from 70, at risk under 40', () => {
    const t = DEFAULT_HEALTH_SETTINGS.thresholds;
    expect([gradeOf(70, t), gradeOf(69, t), gradeOf(40, t), gradeOf(39, t)]).toEqual(['healthy', 'watch', 'watch', 'at_risk']);
  });
});

describe('satisfaction', () => {
  const answer = (score: number, answeredAt: string) => ({ score, answeredAt });

  it('words the weaker answer first, so a fall is explained by what pulled it down', () => {
    const v = satisfactionVerdict({
      nps: [answer(9, '2026-11-11T10:00:00.000Z')],
      csat: [answer(1, '2026-11-28T16:00:00.000Z'), answer(5, '2026-06-01T10:00:00.000Z')],
    });
    // (90 + 0) / 2, less 10 for the CSAT that fell from 5.
    expect(v.score).toBe(35);
    expect(v.facts.map((f) => f[0])).toEqual(['health.fact.csat', 'health.fact.score_fell', 'health.fact.nps_promoter']);
  });

  it('keeps NPS first when it is the weaker', () => {
    const v = satisfactionVerdict({ nps: [answer(3, '2026-11-11T10:00:00.000Z')], csat: [answer(5, '2026-11-01T10:00:00.000Z')] });
    expect(v.score).toBe(65);
    expect(v.facts[0][0]).toBe('health.fact.nps_detractor');
  });
});
