import { describe, expect, it } from 'vitest';
import { LoyaltySettingsSchema, LoyaltyTierCreateSchema, type LoyaltyTier } from '@common/schemas/loyalty';
import { REWARD_RENAMES, rewardToValues, valuesToReward } from './reward-form-values';
import { TIER_RENAMES, tierToValues, valuesToTier } from './tier-form-values';

const gold: LoyaltyTier = {
  id: 't1',
  version: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  name: 'Gold',
  rank: 2,
  rules: {
    minTenureMonths: 12,
    minPaidRevenue: [{ currency: 'EUR', amountMinor: 4_000_000 }],
    minOnTimePercent: null,
    minNps: 8,
    openCriticalClaimsDisqualify: true,
    requiresBackupManager: false,
  },
  benefits: { discountPercent: 5, freeHoursPerQuarter: 4, claimDeadlinePercent: 75, namedBackupManager: true },
};

describe('the tier editor’s values', () => {
  it('give back the tier they were made from, amounts in minor units', () => {
    const { payload, errors } = valuesToTier(tierToValues(gold), 'en-GB', 'bad');
    expect(errors).toEqual({});
    expect(payload).toEqual({ name: 'Gold', rank: 2, rules: gold.rules, benefits: gold.benefits });
    expect(LoyaltyTierCreateSchema.safeParse(payload).success).toBe(true);
  });

  it('read an amount typed the Russian way and leave unasked rules null', () => {
    const values = { ...tierToValues(undefined, 3), name: ' Platinum ', revenue: [{ currency: 'RUB', amount: '1 500 000,50' }] };
    const { payload } = valuesToTier(values, 'ru-RU', 'bad');
    expect(payload.rank).toBe(3);
    expect(payload.name).toBe('Platinum');
    expect(payload.rules?.minPaidRevenue).toEqual([{ currency: 'RUB', amountMinor: 150_000_050 }]);
    expect(payload.rules?.minNps).toBeNull();
    expect(payload.benefits?.claimDeadlinePercent).toBe(100);
  });

  it('report an amount that is not a number on its row, and an empty rank to the schema', () => {
    const values = { ...tierToValues(gold), rank: '' as const, revenue: [{ currency: 'EUR', amount: '12abc' }] };
    const { payload, errors } = valuesToTier(values, 'en-GB', 'Not an amount');
    expect(errors).toEqual({ 'revenue.0.amount': 'Not an amount' });
    expect(LoyaltyTierCreateSchema.safeParse(payload).success).toBe(false);
  });

  it('name the server’s fields as the editor does', () => {
    expect(TIER_RENAMES['rules.minNps']).toBe('minNps');
    expect(TIER_RENAMES['benefits.discountPercent']).toBe('discountPercent');
    expect(TIER_RENAMES['rules.minPaidRevenue.1.amountMinor']).toBe('revenue.1.amount');
    expect(TIER_RENAMES['rules.minPaidRevenue']).toBe('revenue');
  });
});

describe('the referral reward’s values', () => {
  it('keep a percent reward', () => {
    const settings = { referralReward: { kind: 'percent' as const, percent: 7.5 } };
    expect(valuesToReward(rewardToValues(settings), 'en-GB', 'bad').payload).toEqual(settings);
  });

  it('turn fixed amounts into minor units, and refuse none', () => {
    const values = { kind: 'fixed' as const, percent: '' as const, amounts: [{ currency: 'EUR', amount: '250' }] };
    expect(valuesToReward(values, 'en-GB', 'bad').payload).toEqual({
      referralReward: { kind: 'fixed', amounts: [{ currency: 'EUR', amountMinor: 25_000 }] },
    });
    const none = valuesToReward({ ...values, amounts: [] }, 'en-GB', 'bad').payload;
    expect(LoyaltySettingsSchema.safeParse(none).success).toBe(false);
    expect(REWARD_RENAMES['referralReward.amounts.0.amountMinor']).toBe('amounts.0.amount');
  });
});
