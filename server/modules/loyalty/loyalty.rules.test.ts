import { describe, expect, it } from 'vitest';
import { LoyaltyBenefitsSchema, LoyaltyRulesSchema } from '../../../common/schemas/loyalty.js';
import { judge, monthsBetween, percentOf, type AccountFacts, type Tier } from './loyalty.rules.js';

const tier = (rank: number, rules: object): Tier => ({
  id: `t${rank}`,
  name: `Tier ${rank}`,
  rank,
  rules: LoyaltyRulesSchema.parse(rules),
  benefits: LoyaltyBenefitsSchema.parse({}),
});
const facts = (f: Partial<AccountFacts> = {}): AccountFacts => ({
  accountId: 'a',
  active: true,
  tenureMonths: 24,
  paid: new Map(),
  onTimePercent: null,
  nps: null,
  openCriticalClaims: 0,
  hasBackupManager: false,
  ...f,
});

describe('tier rules', () => {
  it('count whole months and round punctuality down', () => {
    expect([
      monthsBetween('2025-01-31', '2025-02-28'),
      monthsBetween('2025-01-15', '2026-01-15'),
      monthsBetween('2026-02-01', '2026-01-01'),
    ]).toEqual([0, 12, 0]);
    expect([percentOf(2, 3), percentOf(0, 0), percentOf(4, 4)]).toEqual([66.6, null, 100]);
  });

  it('take each currency on its own: revenue in another currency never adds up', () => {
    const t = tier(1, {
      minPaidRevenue: [
        { currency: 'EUR', amountMinor: 1000 },
        { currency: 'USD', amountMinor: 1000 },
      ],
      openCriticalClaimsDisqualify: false,
    });
    expect(
      judge(
        [t],
        facts({
          paid: new Map([
            ['EUR', 600],
            ['USD', 600],
          ]),
        }),
      ).tier,
    ).toBeNull();
    const v = judge(
      [t],
      facts({
        paid: new Map([
          ['EUR', 600],
          ['USD', 1200],
        ]),
      }),
    );
    expect(v.checks[0]).toMatchObject({ currency: 'USD', value: 1200, passed: true, near: false });
  });

  it('flag an account within 10 % of a threshold, but not at the scale’s top or just past 110 %', () => {
    const t = tier(1, { minPaidRevenue: [{ currency: 'EUR', amountMinor: 1000 }], minNps: 9, minOnTimePercent: 95 });
    expect(judge([t], facts({ paid: new Map([['EUR', 1099]]), nps: 10, onTimePercent: 100 })).atRisk).toBe(true);
    expect(judge([t], facts({ paid: new Map([['EUR', 1100]]), nps: 10, onTimePercent: 100 })).atRisk).toBe(false);
    expect(judge([t], facts({ paid: new Map([['EUR', 5000]]), nps: 9, onTimePercent: 100 })).atRisk).toBe(true);
  });

  it('give the highest tier whose every rule passes; an open critical claim or an inactive account holds none', () => {
    const tiers = [tier(1, { openCriticalClaimsDisqualify: false }), tier(2, { minNps: 8 })];
    expect(judge(tiers, facts({ nps: 9 })).tier?.rank).toBe(2);
    expect(judge(tiers, facts({ nps: 9, openCriticalClaims: 1 })).tier?.rank).toBe(1);
    expect(judge(tiers, facts({ nps: null })).tier?.rank).toBe(1);
    expect(judge(tiers, facts({ active: false, nps: 9 })).tier).toBeNull();
  });
});
