import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invoiceTotals, roundDiv } from '../../lib/money.js';
import type { ScaledLine } from './invoice.lines.js';

/** An account's standing discount from another module (loyalty): a percent of the net and the line's wording. */
export interface AccountDiscount {
  percent: number;
  reason: string;
}
export type InvoiceDiscountSource = (t: Kysely<DB>, accountId: string) => Promise<AccountDiscount | null> | AccountDiscount | null;

/**
 * The lines with the account's discount added: one negative line per tax rate among the lines
 * (so the tax stays right), a percent of that rate's positive net. It never takes a rate's net,
 * nor the invoice's total, below zero: a discount is clamped to what is left to discount.
 */
export function withAccountDiscount(lines: ScaledLine[], discount: AccountDiscount | null): ScaledLine[] {
  const basisPoints = discount ? Math.min(10_000, Math.round(discount.percent * 100)) : 0;
  if (!discount || basisPoints <= 0) return lines;
  const { lines: amounts } = invoiceTotals(lines);
  const byRate = new Map<number, { positive: number; net: number }>();
  lines.forEach((l, i) => {
    const rate = byRate.get(l.taxBasisPoints) ?? { positive: 0, net: 0 };
    rate.positive += Math.max(0, amounts[i].netMinor);
    rate.net += amounts[i].netMinor;
    byRate.set(l.taxBasisPoints, rate);
  });
  const discounts: ScaledLine[] = [];
  for (const [taxBasisPoints, { positive, net }] of byRate) {
    const wanted = Number(roundDiv(BigInt(positive) * BigInt(basisPoints), 10_000n));
    const amount = Math.min(wanted, Math.max(0, net));
    if (amount > 0) discounts.push({ description: discount.reason, quantityMilli: 1000, unitPriceMinor: 0 - amount, taxBasisPoints });
  }
  // Per-line tax rounding can leave the total a cent below zero: give that cent back.
  for (const line of discounts) {
    const total = invoiceTotals([...lines, ...discounts]).totalMinor;
    if (total >= 0) break;
    line.unitPriceMinor = Math.min(0, line.unitPriceMinor - total);
  }
  return [...lines, ...discounts.filter((l) => l.unitPriceMinor < 0)];
}

/** The first source that answers with a discount above zero. */
export async function accountDiscountOf(
  sources: InvoiceDiscountSource[],
  t: Kysely<DB>,
  accountId: string,
): Promise<AccountDiscount | null> {
  for (const source of sources) {
    const found = await source(t, accountId);
    if (found && found.percent > 0) return found;
  }
  return null;
}
