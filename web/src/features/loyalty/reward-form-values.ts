/** The referral reward's editor values: a percent, or amounts per currency typed in major units. */
import type { LoyaltySettings } from '@common/schemas/loyalty';
import type { Conversion } from '../../lib/forms';
import { emptyMoneyRow, moneyRowRenames, moneyRowsOf, moneyRowsToMinor, type MoneyRow } from './money-rows';

export interface RewardFormValues {
  kind: 'percent' | 'fixed';
  percent: number | '';
  amounts: MoneyRow[];
}

export function rewardToValues(settings: LoyaltySettings): RewardFormValues {
  const reward = settings.referralReward;
  return reward.kind === 'percent'
    ? { kind: 'percent', percent: reward.percent, amounts: [emptyMoneyRow()] }
    : { kind: 'fixed', percent: '', amounts: moneyRowsOf(reward.amounts) };
}

export function valuesToReward(v: RewardFormValues, locale: string, badAmount: string): Conversion<LoyaltySettings> {
  const errors: Record<string, string> = {};
  if (v.kind === 'percent') return { payload: { referralReward: { kind: 'percent', percent: v.percent === '' ? Number.NaN : v.percent } } };
  const amounts = moneyRowsToMinor(v.amounts, 'amounts', locale, badAmount, errors);
  return { payload: { referralReward: { kind: 'fixed', amounts } }, errors };
}

export const REWARD_RENAMES: Record<string, string> = {
  'referralReward.percent': 'percent',
  ...moneyRowRenames('referralReward.amounts', 'amounts'),
};
