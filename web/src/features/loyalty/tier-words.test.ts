import { describe, expect, it } from 'vitest';
import { LoyaltyBenefitsSchema, LoyaltyRulesSchema, type TierCheck } from '@common/schemas/loyalty';
import i18n, { loadLanguage } from '../../i18n';
import { benefitWords, checkWords, ruleWords } from './tier-words';

const rules = LoyaltyRulesSchema.parse({
  minTenureMonths: 1,
  minPaidRevenue: [
    { currency: 'EUR', amountMinor: 4_000_000 },
    { currency: 'RUB', amountMinor: 300_000_000 },
  ],
  minNps: 8,
  openCriticalClaimsDisqualify: false,
});

describe('a tier in words', () => {
  it('names only the rules the tier asks, amounts per currency', () => {
    // Intl puts a no-break space between a currency code and the amount.
    expect(ruleWords(rules, i18n.getFixedT('en'), 'en-GB').map((w) => w.replace(/\u00a0/g, ' '))).toEqual([
      'client for 1 month',
      'paid €40,000.00 or RUB 3,000,000.00 in 12 months',
      'latest NPS 8 or more',
    ]);
  });

  it('names the benefits, with Russian plurals', async () => {
    const benefits = LoyaltyBenefitsSchema.parse({
      discountPercent: 5,
      freeHoursPerQuarter: 3,
      claimDeadlinePercent: 100,
      namedBackupManager: true,
    });
    expect(benefitWords(benefits, i18n.getFixedT('en'))).toEqual([
      '5 % discount on proposals and invoices',
      '3 free hours per quarter',
      'a named backup manager',
    ]);
    await loadLanguage('ru');
    expect(benefitWords({ ...benefits, freeHoursPerQuarter: 5 }, i18n.getFixedT('ru'))[1]).toBe('5 бесплатных часов в квартал');
    expect(benefitWords(LoyaltyBenefitsSchema.parse({}), i18n.getFixedT('en'))).toEqual([]);
  });

  it('words a check in the UI language, English for any other', () => {
    const check: TierCheck = {
      tierId: 't',
      tierName: 'Gold',
      rule: 'nps',
      passed: false,
      value: 5,
      threshold: 8,
      currency: null,
      near: false,
    };
    expect(checkWords(check, 'ru')).toBe('последний NPS 5 < 8 ✗');
    expect(checkWords(check, 'de')).toBe('latest NPS 5 < 8 ✗');
  });
});
