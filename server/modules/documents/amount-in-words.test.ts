import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, ruPluralIndex } from './amount-in-words.js';

describe('a total in words', () => {
  it.each([
    [4_200_000, 'RUB', 'Сорок две тысячи рублей 00 копеек'],
    [100, 'RUB', 'Один рубль 00 копеек'],
    [200, 'RUB', 'Два рубля 00 копеек'],
    [500, 'RUB', 'Пять рублей 00 копеек'],
    [1_100, 'RUB', 'Одиннадцать рублей 00 копеек'],
    [2_100, 'RUB', 'Двадцать один рубль 00 копеек'],
    [100_000_100, 'RUB', 'Один миллион один рубль 00 копеек'],
    [101, 'RUB', 'Один рубль 01 копейка'],
    [202, 'RUB', 'Два рубля 02 копейки'],
    [105, 'RUB', 'Один рубль 05 копеек'],
    [111, 'RUB', 'Один рубль 11 копеек'],
    [121, 'RUB', 'Один рубль 21 копейка'],
    [112_233_400, 'RUB', 'Один миллион сто двадцать две тысячи триста тридцать четыре рубля 00 копеек'],
    [200_000, 'RUB', 'Две тысячи рублей 00 копеек'],
    [2_100_000, 'UAH', 'Двадцать одна тысяча гривен 00 копеек'],
    [100, 'UAH', 'Одна гривна 00 копеек'],
    [2_101, 'USD', 'Двадцать один доллар США 01 цент'],
    [500_000, 'EUR', 'Пять тысяч евро 00 центов'],
    [0, 'RUB', 'Ноль рублей 00 копеек'],
  ])('%i %s in Russian: %s', (minor, currency, words) => {
    expect(amountInWords(minor, currency, 'ru')).toBe(words);
  });

  it.each([
    [4_200_000, 'EUR', 'Forty-two thousand euros and 00 cents'],
    [101, 'USD', 'One US dollar and 01 cent'],
    [12_345, 'GBP', 'One hundred and twenty-three pounds sterling and 45 pence'],
    [700, 'JPY', 'Seven hundred JPY'],
  ])('%i %s in English: %s', (minor, currency, words) => {
    expect(amountInWords(minor, currency, 'en')).toBe(words);
  });

  it('chooses the Russian form by the last two digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (n) => {
        const last2 = n % 100n;
        const expected = last2 >= 11n && last2 <= 14n ? 2 : n % 10n === 1n ? 0 : n % 10n >= 2n && n % 10n <= 4n ? 1 : 2;
        expect(ruPluralIndex(n)).toBe(expected);
      }),
    );
  });
});
