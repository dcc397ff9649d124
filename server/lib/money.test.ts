import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalToScaled,
  formatMoney,
  invoiceTotals,
  lineAmounts,
  minorToDecimal,
  negateLines,
  roundDiv,
  scaledToDecimal,
} from './money.js';

const line = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 100_000_000 }), // up to 100,000 units
  unitPriceMinor: fc.integer({ min: -10_000_000, max: 10_000_000 }), // ±100,000.00
  taxBasisPoints: fc.integer({ min: 0, max: 10_000 }),
});
const lines = fc.array(line, { minLength: 1, maxLength: 40 });

describe('rounding half away from zero', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(roundDiv(5n, 10n)).toBe(1n);
    expect(roundDiv(-5n, 10n)).toBe(-1n);
    expect(roundDiv(4n, 10n)).toBe(0n);
    expect(roundDiv(15n, 10n)).toBe(2n);
    expect(roundDiv(25n, 10n)).toBe(3n);
    expect(roundDiv(-25n, 10n)).toBe(-3n);
    expect(roundDiv(149n, 100n)).toBe(1n);
  });

  it('is symmetric: round(-x) = -round(x)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        expect(roundDiv(-n, d)).toBe(-roundDiv(n, d));
      }),
    );
  });

  it('is never more than half a unit away from the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const diff = roundDiv(n, d) * d - n;
        expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
      }),
    );
  });
});

describe('invoice totals', () => {
  it('computes a line: 1.5 h × 80.00 at 20% tax', () => {
    expect(lineAmounts({ quantityMilli: 1500, unitPriceMinor: 8000, taxBasisPoints: 2000 })).toEqual({
      netMinor: 12000,
      taxMinor: 2400,
      totalMinor: 14400,
    });
    // 0.333 × 1.00 = 0.333 → 0.33; tax 7.25% of 0.33 = 0.023925 → 0.02
    expect(lineAmounts({ quantityMilli: 333, unitPriceMinor: 100, taxBasisPoints: 725 })).toEqual({
      netMinor: 33,
      taxMinor: 2,
      totalMinor: 35,
    });
  });

  it('total = sum of line totals, subtotal + tax = total, all integers', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const t = invoiceTotals(ls);
        expect(t.totalMinor).toBe(t.lines.reduce((s, l) => s + l.totalMinor, 0));
        expect(t.subtotalMinor + t.taxMinor).toBe(t.totalMinor);
        for (const v of [t.totalMinor, t.subtotalMinor, t.taxMinor, ...t.lines.map((l) => l.netMinor)])
          expect(Number.isSafeInteger(v)).toBe(true);
      }),
    );
  });

  it('matches exact rational arithmetic (no float drift)', () => {
    fc.assert(
      fc.property(line, (l) => {
        // Compare against the exact value computed with a different method: scaled strings.
        const exactNetTimes1000 = BigInt(l.quantityMilli) * BigInt(l.unitPriceMinor);
        const net = lineAmounts(l).netMinor;
        const err = BigInt(net) * 1000n - exactNetTimes1000;
        expect(2n * (err < 0n ? -err : err) <= 1000n).toBe(true);
      }),
    );
  });

  it('a credit note that negates every line negates the total exactly', () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const original = invoiceTotals(ls);
        const credit = invoiceTotals(negateLines(ls));
        expect(credit.totalMinor).toBe(0 - original.totalMinor);
        expect(credit.taxMinor).toBe(0 - original.taxMinor);
        expect(credit.subtotalMinor).toBe(0 - original.subtotalMinor);
      }),
    );
  });

  it('refuses a total past the safe-integer range with a 400, not a wrong number', () => {
    expect(() => lineAmounts({ quantityMilli: 1_000_000_000_000, unitPriceMinor: 9_000_000_000_000, taxBasisPoints: 0 })).toThrow(
      /too large/,
    );
  });
});

describe('decimal conversions without floats', () => {
  it('parses quantities with up to three decimals and refuses more', () => {
    expect(decimalToScaled(1.5, 3)).toBe(1500);
    expect(decimalToScaled(0.1, 3)).toBe(100);
    expect(decimalToScaled('2.250', 3)).toBe(2250);
    expect(decimalToScaled(1.2345, 3)).toBeNull();
    expect(decimalToScaled(1e-7, 3)).toBeNull();
    expect(decimalToScaled(7.25, 2)).toBe(725);
  });

  it('round-trips scaled integers through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        expect(decimalToScaled(scaledToDecimal(n, d), d)).toBe(n);
      }),
    );
  });

  it('knows minor digits per currency and formats exactly', () => {
    expect(minorToDecimal(123456, 'EUR')).toBe('1234.56');
    expect(minorToDecimal(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimal(1234, 'JPY')).toBe('1234');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(formatMoney(900719925474099, 'USD', 'en')).toBe('$9,007,199,254,740.99');
    expect(formatMoney(123456, 'RUB', 'ru').replace(/\s/g, ' ')).toBe('1 234,56 ₽');
  });
});
