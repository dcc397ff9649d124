import { fieldError } from './errors.js';

/**
 * Money is integer minor units (cents, kopecks) beside an ISO 4217 code. Every rounding in
 * the product happens here, with one rule: **half away from zero, per line**.
 *
 *   line net   = round(quantity × unit price)
 *   line tax   = round(line net × tax percent / 100)
 *   line total = line net + line tax
 *   invoice total = Σ line totals (so the total always equals the sum of its lines)
 *
 * Half away from zero is symmetric — round(−x) = −round(x) — so a credit note that negates
 * every line negates the invoice exactly. Intermediate products use BigInt: a quantity in
 * thousandths times a price in minor units can pass 2^53 before it is divided back.
 */

/** Quantities are kept in thousandths: 1.5 hours is 1500. */
export const QUANTITY_SCALE = 1000n;
/** Tax rates are kept in basis points: 20% is 2000, 7.25% is 725. */
export const TAX_SCALE = 10_000n;

/** Divides and rounds half away from zero, exactly. */
export function roundDiv(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const q = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** A BigInt result back to a JS number, refusing anything past the safe-integer range. */
export function toSafeMinor(value: bigint, field = 'amount'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw fieldError(field, 'validation.amount_too_large');
  }
  return Number(value);
}

/** Parses a decimal with at most `digits` fraction digits into an integer scaled by 10^digits, without floats. */
export function decimalToScaled(value: number | string, digits: number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const scaled = BigInt(m[2] + fraction.padEnd(digits, '0')) * (m[1] ? -1n : 1n);
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return Number(scaled);
}

/** Inverse of decimalToScaled, as text (no float ever formed). */
export function scaledToDecimal(value: number, digits: number): string {
  const negative = value < 0;
  const digitsText = String(Math.abs(value)).padStart(digits + 1, '0');
  const whole = digitsText.slice(0, digitsText.length - digits);
  const fraction = digits > 0 ? `.${digitsText.slice(-digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

export interface LineInput {
  quantityMilli: number;
  unitPriceMinor: number;
  taxBasisPoints: number;
}

export interface LineAmounts {
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** The amounts of one invoice line under the rule above. */
export function lineAmounts(line: LineInput): LineAmounts {
  const net = roundDiv(BigInt(line.quantityMilli) * BigInt(line.unitPriceMinor), QUANTITY_SCALE);
  const tax = roundDiv(net * BigInt(line.taxBasisPoints), TAX_SCALE);
  return { netMinor: toSafeMinor(net), taxMinor: toSafeMinor(tax), totalMinor: toSafeMinor(net + tax) };
}

/** Hours of work at an hourly rate, rounded as an invoice line is (hours counted to the thousandth). */
export const hoursAtRate = (hours: number, rateMinor: number): number =>
  lineAmounts({ quantityMilli: Math.round(hours * Number(QUANTITY_SCALE)), unitPriceMinor: rateMinor, taxBasisPoints: 0 }).netMinor;

export interface InvoiceTotals {
  lines: LineAmounts[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Totals of an invoice: each line rounded on its own, then summed exactly. */
export function invoiceTotals(lines: LineInput[]): InvoiceTotals {
  const amounts = lines.map(lineAmounts);
  const sum = (pick: (a: LineAmounts) => number) => amounts.reduce((s, a) => s + BigInt(pick(a)), 0n);
  return {
    lines: amounts,
    subtotalMinor: toSafeMinor(
      sum((a) => a.netMinor),
      'subtotal',
    ),
    taxMinor: toSafeMinor(
      sum((a) => a.taxMinor),
      'tax',
    ),
    totalMinor: toSafeMinor(
      sum((a) => a.totalMinor),
      'total',
    ),
  };
}

/** The same lines with the sign of each price flipped: the body of a full credit note. */
export const negateLines = <T extends LineInput>(lines: T[]): T[] => lines.map((l) => ({ ...l, unitPriceMinor: 0 - l.unitPriceMinor })); // 0 - x: never -0

const digitsCache = new Map<string, number>();
const formatCache = new Map<string, Intl.NumberFormat>();

/** How many minor digits a currency has (EUR 2, JPY 0, KWD 3), from the platform's ISO 4217 data. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** A minor amount as a plain decimal string in major units, e.g. 123456 EUR → "1234.56". */
export const minorToDecimal = (amountMinor: number, currency: string): string => scaledToDecimal(amountMinor, minorDigits(currency));

/** A minor amount formatted for people in a locale, e.g. "1 234,56 €" in ru. */
export function formatMoney(amountMinor: number, currency: string, locale = 'en'): string {
  const decimal = minorToDecimal(amountMinor, currency);
  // Building a formatter costs far more than using one (the daily run formats tens of thousands).
  const key = `${locale}|${currency}`;
  let format = formatCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatCache.set(key, format);
  }
  // format() accepts a decimal string and keeps it exact, so no float ever touches the amount.
  return format.format(decimal as unknown as number);
}

/** Percentages of discounts are kept in basis points like tax rates: 12.5% is 1250. */
export interface DiscountedLineInput {
  quantityMilli: number;
  unitPriceMinor: number;
  discountBasisPoints: number;
}

export interface DiscountedLineAmounts {
  grossMinor: number;
  discountMinor: number;
  totalMinor: number;
}

/**
 * A line with a percent off (a proposal's): the gross is an invoice line's net, the discount is
 * rounded from it exactly as an invoice line's tax is, and taken off instead of added.
 */
export function discountedLineAmounts(line: DiscountedLineInput): DiscountedLineAmounts {
  const a = lineAmounts({
    quantityMilli: line.quantityMilli,
    unitPriceMinor: line.unitPriceMinor,
    taxBasisPoints: line.discountBasisPoints,
  });
  return { grossMinor: a.netMinor, discountMinor: a.taxMinor, totalMinor: toSafeMinor(BigInt(a.netMinor) - BigInt(a.taxMinor)) };
}

export interface DiscountedTotals {
  lines: DiscountedLineAmounts[];
  /** Σ line totals, each after its own discount. */
  subtotalMinor: number;
  /** A discount on the whole subtotal (0 or negative), rounded once. */
  discountMinor: number;
  totalMinor: number;
}

/** Totals of discounted lines and an overall percent off the subtotal (a loyalty discount), under the same rounding rule. */
export function discountedTotals(lines: DiscountedLineInput[], overallBasisPoints = 0): DiscountedTotals {
  const amounts = lines.map(discountedLineAmounts);
  const subtotal = amounts.reduce((s, a) => s + BigInt(a.totalMinor), 0n);
  const discount = 0n - roundDiv(subtotal * BigInt(overallBasisPoints), TAX_SCALE);
  return {
    lines: amounts,
    subtotalMinor: toSafeMinor(subtotal, 'subtotal'),
    discountMinor: toSafeMinor(discount, 'discount'),
    totalMinor: toSafeMinor(subtotal + discount, 'total'),
  };
}
