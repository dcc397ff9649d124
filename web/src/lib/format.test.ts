import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  formatCalendarDate,
  formatDate,
  formatDateTime,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  fromDateTimeInput,
  localeFor,
  minorToDecimal,
  parseMoney,
  toDateTimeInput,
} from './format';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('knows how many minor digits a currency has', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('turns minor units into an exact decimal string', () => {
    expect(minorToDecimal(123456, 'EUR')).toBe('1234.56');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(500, 'JPY')).toBe('500');
    expect(minorToDecimal(-150, 'USD')).toBe('-1.50');
    expect(minorToDecimal(Number.MAX_SAFE_INTEGER, 'EUR')).toBe('90071992547409.91');
  });

  it('formats in the locale of the user', () => {
    expect(formatMoney(123456, 'EUR', 'en-US')).toBe('€1,234.56');
    expect(nbsp(formatMoney(123456, 'RUB', 'ru-RU'))).toBe('1 234,56 ₽');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('reads typed amounts in either locale into minor units', () => {
    expect(parseMoney('1,234.50', 'EUR', 'en-US')).toBe(123450);
    expect(parseMoney('1 234,50', 'RUB', 'ru-RU')).toBe(123450);
    expect(parseMoney('1234.5', 'RUB', 'ru-RU')).toBe(123450);
    expect(parseMoney('0.1', 'EUR', 'en')).toBe(10);
    expect(parseMoney('1000', 'JPY', 'en')).toBe(1000);
    expect(parseMoney('', 'EUR', 'en')).toBeNull();
  });

  it('rejects what is not an amount', () => {
    expect(parseMoney('abc', 'EUR', 'en')).toBeUndefined();
    expect(parseMoney('1.234', 'EUR', 'en')).toBeUndefined();
    expect(parseMoney('-5', 'EUR', 'en')).toBeUndefined();
    expect(parseMoney('1.5', 'JPY', 'en')).toBeUndefined();
    expect(parseMoney('99999999999999999', 'EUR', 'en')).toBeUndefined();
  });
});

describe('dates and numbers', () => {
  it('shows calendar dates without a time-zone shift', () => {
    expect(nbsp(formatCalendarDate('2025-03-01', 'en-GB'))).toBe('1 Mar 2025');
    expect(nbsp(formatCalendarDate('2025-03-01', 'ru-RU'))).toMatch(/^1 мар\.? 2025/);
  });

  it('keeps the day with its month, and the Russian "г." with its year, on one line', () => {
    expect(formatCalendarDate('2025-11-30', 'ru-RU')).toBe('30\u00a0нояб. 2025\u00a0г.');
    expect(formatDateTime('2025-11-30T09:00:00Z', 'ru-RU')).toMatch(/^30\u00a0нояб\. 2025\u00a0г\./);
    expect(formatDate('2025-11-30T12:00:00Z', 'en-GB')).toBe('30\u00a0Nov 2025');
  });

  it('names a month without a time-zone shift, and a share as a whole percent', () => {
    expect(formatMonth('2026-12', 'en-GB')).toBe('Dec 2026');
    expect(formatMonth('2027-01', 'ru-RU')).toBe('янв. 2027\u00a0г.');
    expect(formatPercent(0.4, 'en-GB')).toBe('40%');
    expect(nbsp(formatPercent(1 / 3, 'ru-RU'))).toBe('33 %');
  });

  it('groups digits by locale', () => {
    expect(formatNumber(1234567.5, 'en-US')).toBe('1,234,567.5');
    expect(nbsp(formatNumber(1234567.5, 'ru-RU'))).toBe('1 234 567,5');
  });

  it('round-trips a datetime-local input value', () => {
    const date = new Date(2025, 0, 31, 9, 5);
    expect(toDateTimeInput(date)).toBe('2025-01-31T09:05');
    expect(fromDateTimeInput('2025-01-31T09:05')).toBe(date.toISOString());
    expect(fromDateTimeInput('')).toBeNull();
    expect(fromDateTimeInput('nonsense')).toBeNull();
  });

  it('picks the most specific browser locale for the language', () => {
    expect(localeFor('en', ['ru-RU', 'en-GB'])).toBe('en-GB');
    expect(localeFor('ru', ['en-US'])).toBe('ru');
  });
});

describe('formatters are built once', () => {
  it('reuses one Intl formatter per locale and options across calls', () => {
    const { NumberFormat, DateTimeFormat } = Intl;
    const built = { number: 0, date: 0 };
    // Counting subclasses: real formatters (the cache may keep them), that tell when one is built.
    Intl.NumberFormat = class extends NumberFormat {
      constructor(...args: ConstructorParameters<typeof NumberFormat>) {
        super(...args);
        built.number++;
      }
    } as typeof NumberFormat;
    Intl.DateTimeFormat = class extends DateTimeFormat {
      constructor(...args: ConstructorParameters<typeof DateTimeFormat>) {
        super(...args);
        built.date++;
      }
    } as typeof DateTimeFormat;
    try {
      const amounts = Array.from({ length: 50 }, (_, i) => formatMoney(i * 1000 + 7, 'CHF', 'fr-CH'));
      const dates = Array.from({ length: 50 }, (_, i) => formatCalendarDate(`2025-03-${String((i % 28) + 1).padStart(2, '0')}`, 'fr-CH'));
      expect(amounts[1]).toBe(new NumberFormat('fr-CH', { style: 'currency', currency: 'CHF' }).format(10.07));
      expect(new Set(dates).size).toBe(28);
      // The currency format, and the one that tells how many digits the currency has.
      expect(built.number).toBeLessThanOrEqual(2);
      expect(built.date).toBeLessThanOrEqual(1);
    } finally {
      Intl.NumberFormat = NumberFormat;
      Intl.DateTimeFormat = DateTimeFormat;
    }
  });
});
