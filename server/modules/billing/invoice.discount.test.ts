import { describe, expect, it } from 'vitest';
import { invoiceTotals } from '../../lib/money.js';
import { withAccountDiscount } from './invoice.discount.js';

const line = (unitPriceMinor: number, taxBasisPoints = 0, description = 'Work') => ({
  description,
  quantityMilli: 1000,
  unitPriceMinor,
  taxBasisPoints,
});
const gold = { percent: 5, reason: 'Loyalty discount — Gold tier 5 %' };

describe('an account’s discount on a new invoice', () => {
  it('adds one negative line per tax rate, a percent of that rate’s net', () => {
    const lines = withAccountDiscount([line(100_00, 2000), line(33_33, 2000), line(50_00)], gold);
    expect(lines.slice(3).map((l) => [l.unitPriceMinor, l.taxBasisPoints, l.description])).toEqual([
      [-6_67, 2000, gold.reason],
      [-2_50, 0, gold.reason],
    ]);
  });

  it('stops at what is left to discount, so neither a rate’s net nor the total goes below zero', () => {
    const lines = withAccountDiscount([line(100_00), line(-99_50, 0, 'Goodwill')], gold);
    expect(lines.at(-1)?.unitPriceMinor).toBe(-50);
    expect(invoiceTotals(lines).totalMinor).toBe(0);
    expect(withAccountDiscount([line(100_00), line(-100_00)], gold)).toHaveLength(2);
  });

  it('gives back the cent per-line tax rounding would take below zero', () => {
    // Three lines of 0.05 at 10 % tax round up to 0.01 tax each; one line of -0.15 rounds its tax to -0.02.
    const lines = withAccountDiscount([line(5, 1000), line(5, 1000), line(5, 1000)], { percent: 100, reason: 'All' });
    expect(invoiceTotals(lines).totalMinor).toBeGreaterThanOrEqual(0);
  });

  it('adds nothing without a discount, or with none above zero', () => {
    expect(withAccountDiscount([line(100)], null)).toHaveLength(1);
    expect(withAccountDiscount([line(100)], { percent: 0, reason: 'x' })).toHaveLength(1);
  });
});
