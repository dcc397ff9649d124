/** Amounts per currency as typed (major units) and their API form (integer minor units), for thresholds and rewards. */
import type { RevenueThresholdSchema } from '@common/schemas/loyalty';
import type { z } from 'zod';
import { minorToDecimal, parseMoney } from '../../lib/format';

export interface MoneyRow {
  currency: string;
  /** In major units as typed ("40 000,00"). */
  amount: string;
}

type Threshold = z.infer<typeof RevenueThresholdSchema>;

export const emptyMoneyRow = (currency = 'EUR'): MoneyRow => ({ currency, amount: '' });

export const moneyRowsOf = (amounts: readonly Threshold[]): MoneyRow[] =>
  amounts.map((a) => ({ currency: a.currency, amount: minorToDecimal(a.amountMinor, a.currency) }));

/**
 * The rows as amounts in minor units; a row whose amount is not a number is reported at
 * `<path>.<i>.amount` in `errors` (and sent as 0, which the schema refuses too).
 */
export function moneyRowsToMinor(
  rows: readonly MoneyRow[],
  path: string,
  locale: string,
  badAmount: string,
  errors: Record<string, string>,
) {
  return rows.map((r, i) => {
    const minor = parseMoney(r.amount.trim(), r.currency || 'EUR', locale);
    if (minor === undefined || minor === null) errors[`${path}.${i}.amount`] = badAmount;
    return { currency: r.currency, amountMinor: minor ?? 0 };
  });
}

/** The API's names of a list of amounts (`apiPath.0.amountMinor`) mapped to the form's (`formPath.0.amount`). */
export function moneyRowRenames(apiPath: string, formPath: string, rows = 20): Record<string, string> {
  const renames: Record<string, string> = { [apiPath]: formPath };
  for (let i = 0; i < rows; i++) {
    renames[`${apiPath}.${i}.amountMinor`] = `${formPath}.${i}.amount`;
    renames[`${apiPath}.${i}.currency`] = `${formPath}.${i}.currency`;
  }
  return renames;
}
