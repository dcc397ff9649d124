/** Converting between a loyalty tier and the values its editor holds (rules and benefits side by side, amounts typed). */
import type { LoyaltyTier, LoyaltyTierCreate } from '@common/schemas/loyalty';
import type { Conversion } from '../../lib/forms';
import { moneyRowRenames, moneyRowsOf, moneyRowsToMinor, type MoneyRow } from './money-rows';

/** A number input's value: empty is ''. */
type NumberValue = number | '';

export interface TierFormValues {
  name: string;
  rank: NumberValue;
  minTenureMonths: NumberValue;
  revenue: MoneyRow[];
  minOnTimePercent: NumberValue;
  minNps: NumberValue;
  openCriticalClaimsDisqualify: boolean;
  requiresBackupManager: boolean;
  discountPercent: NumberValue;
  freeHoursPerQuarter: NumberValue;
  claimDeadlinePercent: NumberValue;
  namedBackupManager: boolean;
}

const orEmpty = (v: number | null): NumberValue => v ?? '';
/** An empty rule is not asked (null). */
const orNull = (v: NumberValue): number | null => (v === '' ? null : v);
/** An empty benefit is the benefit's "nothing": no discount, no hours, the normal deadlines. */
const orNone = (v: NumberValue, none: number): number => (v === '' ? none : v);

/** The editor's values for a tier, or for a new one ranked above `nextRank - 1`. */
export function tierToValues(tier: LoyaltyTier | undefined, nextRank = 1): TierFormValues {
  if (!tier)
    return {
      name: '',
      rank: nextRank,
      minTenureMonths: '',
      revenue: [],
      minOnTimePercent: '',
      minNps: '',
      openCriticalClaimsDisqualify: true,
      requiresBackupManager: false,
      discountPercent: 0,
      freeHoursPerQuarter: 0,
      claimDeadlinePercent: 100,
      namedBackupManager: false,
    };
  const { rules, benefits } = tier;
  return {
    name: tier.name,
    rank: tier.rank,
    minTenureMonths: orEmpty(rules.minTenureMonths),
    revenue: moneyRowsOf(rules.minPaidRevenue),
    minOnTimePercent: orEmpty(rules.minOnTimePercent),
    minNps: orEmpty(rules.minNps),
    openCriticalClaimsDisqualify: rules.openCriticalClaimsDisqualify,
    requiresBackupManager: rules.requiresBackupManager,
    discountPercent: benefits.discountPercent,
    freeHoursPerQuarter: benefits.freeHoursPerQuarter,
    claimDeadlinePercent: benefits.claimDeadlinePercent,
    namedBackupManager: benefits.namedBackupManager,
  };
}

/** The API body for the values; an amount that is not a number is reported on its field. */
export function valuesToTier(v: TierFormValues, locale: string, badAmount: string): Conversion<LoyaltyTierCreate> {
  const errors: Record<string, string> = {};
  return {
    payload: {
      name: v.name.trim(),
      rank: v.rank === '' ? Number.NaN : v.rank,
      rules: {
        minTenureMonths: orNull(v.minTenureMonths),
        minPaidRevenue: moneyRowsToMinor(v.revenue, 'revenue', locale, badAmount, errors),
        minOnTimePercent: orNull(v.minOnTimePercent),
        minNps: orNull(v.minNps),
        openCriticalClaimsDisqualify: v.openCriticalClaimsDisqualify,
        requiresBackupManager: v.requiresBackupManager,
      },
      benefits: {
        discountPercent: orNone(v.discountPercent, 0),
        freeHoursPerQuarter: orNone(v.freeHoursPerQuarter, 0),
        claimDeadlinePercent: orNone(v.claimDeadlinePercent, 100),
        namedBackupManager: v.namedBackupManager,
      },
    },
    errors,
  };
}

const RULE_FIELDS = ['minTenureMonths', 'minOnTimePercent', 'minNps', 'openCriticalClaimsDisqualify', 'requiresBackupManager'];
const BENEFIT_FIELDS = ['discountPercent', 'freeHoursPerQuarter', 'claimDeadlinePercent', 'namedBackupManager'];

/** The API's field names (`rules.minNps`, `rules.minPaidRevenue.0.amountMinor`) as the editor's. */
export const TIER_RENAMES: Record<string, string> = {
  ...Object.fromEntries(RULE_FIELDS.map((f) => [`rules.${f}`, f])),
  ...Object.fromEntries(BENEFIT_FIELDS.map((f) => [`benefits.${f}`, f])),
  ...moneyRowRenames('rules.minPaidRevenue', 'revenue'),
};
