/** A tier's rules and benefits, and an evaluation's checks, as short phrases in the user's language. */
import type { TFunction } from 'i18next';
import type { Language } from '@common/enums';
import { describeCheck } from '@common/loyalty-checks';
import type { LoyaltyBenefits, LoyaltyRules, TierCheck } from '@common/schemas/loyalty';
import { formatMoney } from '../../lib/format';

export function ruleWords(rules: LoyaltyRules, t: TFunction, locale: string): string[] {
  const words: string[] = [];
  if (rules.minTenureMonths !== null) words.push(t('loyalty.words.tenure', { count: rules.minTenureMonths }));
  if (rules.minPaidRevenue.length)
    words.push(
      t('loyalty.words.revenue', {
        amounts: rules.minPaidRevenue.map((r) => formatMoney(r.amountMinor, r.currency, locale)).join(t('loyalty.words.or')),
      }),
    );
  if (rules.minOnTimePercent !== null) words.push(t('loyalty.words.onTime', { percent: rules.minOnTimePercent }));
  if (rules.minNps !== null) words.push(t('loyalty.words.nps', { score: rules.minNps }));
  if (rules.openCriticalClaimsDisqualify) words.push(t('loyalty.words.noCriticalClaims'));
  if (rules.requiresBackupManager) words.push(t('loyalty.words.backupManager'));
  return words;
}

export function benefitWords(benefits: LoyaltyBenefits, t: TFunction): string[] {
  const words: string[] = [];
  if (benefits.discountPercent > 0) words.push(t('loyalty.words.discount', { percent: benefits.discountPercent }));
  if (benefits.freeHoursPerQuarter > 0) words.push(t('loyalty.words.freeHours', { count: benefits.freeHoursPerQuarter }));
  if (benefits.claimDeadlinePercent < 100) words.push(t('loyalty.words.fasterClaims', { percent: benefits.claimDeadlinePercent }));
  if (benefits.namedBackupManager) words.push(t('loyalty.words.namedBackup'));
  return words;
}

/** The language checks are worded in: the UI's, English for any other. */
export const checkLanguage = (language: string): Language => (language.startsWith('ru') ? 'ru' : 'en');

/** One check as a sentence a person reads ("paid revenue 12 mo €48,200.00 ≥ €40,000.00 ✓"). */
export const checkWords = (check: TierCheck, language: string) => describeCheck(check, checkLanguage(language));
