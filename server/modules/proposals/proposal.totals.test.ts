import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedLineAmounts, discountedTotals, invoiceTotals, lineAmounts, roundDiv } from '../../lib/money.js';

/** Lines as proposals take them: quantity in thousandths, price in minor units, discount in basis points. */
const line = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 1_000_000_000 }),
  unitPriceMinor: fc.integer({ min: 0, max: 100_000_000 }),
  discountBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});
const lines = fc.array(line, { minLength: 1, maxLength: 30 });
const percent = fc.integer({ min: 0, max: 10_000 });

describe('proposal totals under the invoice money rules', () => {
  it('price each line’s gross exactly as an invoice line’s net, and its discount as an invoice line’s tax', () => {
    fc.assert(
      fc.property(line, (l) => {
        const a = discountedLineAmounts(l);
        const invoice = lineAmounts({
          quantityMilli: l.quantityMilli,
          unitPriceMinor: l.unitPriceMinor,
          taxBasisPoints: l.discountBasisPoints,
        });
        expect(a.grossMinor).toBe(invoice.netMinor);
        expect(a.discountMinor).toBe(invoice.taxMinor);
        expect(a.totalMinor).toBe(a.grossMinor - a.discountMinor);
        expect(a.discountMinor).toBeGreaterThanOrEqual(0);
        expect(a.discountMinor).toBeLessThanOrEqual(a.grossMinor);
      }),
    );
  });

  it('without discounts equal an invoice’s subtotal of the same lines', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const plain = ls.map((l) => ({ ...l, discountBasisPoints: 0 }));
        const invoice = invoiceTotals(
          plain.map((l) => ({ quantityMilli: l.quantityMilli, unitPriceMinor: l.unitPriceMinor, taxBasisPoints: 0 })),
        );
        const totals = discountedTotals(plain);
        expect(totals.subtotalMinor).toBe(invoice.subtotalMinor);
        expect(totals.totalMinor).toBe(invoice.totalMinor);
      }),
    );
  });

  it('sum the lines exactly, take the overall discount once from the subtotal, and never go below zero', () => {
    fc.assert(
      fc.property(lines, percent, (ls, bp) => {
        const totals = discountedTotals(ls, bp);
        expect(totals.subtotalMinor).toBe(totals.lines.reduce((s, a) => s + a.totalMinor, 0));
        expect(totals.discountMinor).toBe(0 - Number(roundDiv(BigInt(totals.subtotalMinor) * BigInt(bp), 10_000n)));
        expect(totals.totalMinor).toBe(totals.subtotalMinor + totals.discountMinor);
        expect(totals.totalMinor).toBeGreaterThanOrEqual(0);
        expect(totals.totalMinor).toBeLessThanOrEqual(totals.subtotalMinor);
      }),
    );
  });

  it('round half away from zero: 2.5 × 0.99 less 12.5%', () => {
    // gross 2.475 → 2.48; discount 0.31 (0.31 exactly: 248 × 0.125 = 31); total 2.17
    expect(discountedLineAmounts({ quantityMilli: 2500, unitPriceMinor: 99, discountBasisPoints: 1250 })).toEqual({
      grossMinor: 248,
      discountMinor: 31,
      totalMinor: 217,
    });
    // 5% of 999.99 = 49.9995 → 50.00
    expect(discountedTotals([{ quantityMilli: 3000, unitPriceMinor: 33_333, discountBasisPoints: 0 }], 500)).toMatchObject({
      subtotalMinor: 99_999,
      discountMinor: -5_000,
      totalMinor: 94_999,
    });
  });
});
