import type { Language } from '../../../common/enums.js';
import { minorDigits } from '../../lib/money.js';

/**
 * A total in words, as paperwork writes it: «Сорок две тысячи рублей 00 копеек» or
 * "Forty-two thousand euros and 00 cents". The whole part is in words, the minor part in
 * digits; nouns agree with the number (1 рубль, 2 рубля, 5 рублей, 11 рублей, 21 рубль).
 * Amounts are integer minor units; no float is involved.
 */

type Gender = 'm' | 'f';
/** A noun's forms for 1, 2–4 and 5–20 (and the gender its numerals take). */
interface RuNoun {
  forms: [string, string, string];
  gender: Gender;
}

const RU_CURRENCIES: Record<string, { major: RuNoun; minor: RuNoun }> = {
  RUB: { major: { forms: ['рубль', 'рубля', 'рублей'], gender: 'm' }, minor: { forms: ['копейка', 'копейки', 'копеек'], gender: 'f' } },
  BYN: {
    major: { forms: ['белорусский рубль', 'белорусских рубля', 'белорусских рублей'], gender: 'm' },
    minor: { forms: ['копейка', 'копейки', 'копеек'], gender: 'f' },
  },
  USD: {
    major: { forms: ['доллар США', 'доллара США', 'долларов США'], gender: 'm' },
    minor: { forms: ['цент', 'цента', 'центов'], gender: 'm' },
  },
  EUR: { major: { forms: ['евро', 'евро', 'евро'], gender: 'm' }, minor: { forms: ['цент', 'цента', 'центов'], gender: 'm' } },
  GBP: {
    major: { forms: ['фунт стерлингов', 'фунта стерлингов', 'фунтов стерлингов'], gender: 'm' },
    minor: { forms: ['пенс', 'пенса', 'пенсов'], gender: 'm' },
  },
  KZT: { major: { forms: ['тенге', 'тенге', 'тенге'], gender: 'm' }, minor: { forms: ['тиын', 'тиына', 'тиынов'], gender: 'm' } },
  UAH: { major: { forms: ['гривна', 'гривны', 'гривен'], gender: 'f' }, minor: { forms: ['копейка', 'копейки', 'копеек'], gender: 'f' } },
  CNY: { major: { forms: ['юань', 'юаня', 'юаней'], gender: 'm' }, minor: { forms: ['фэнь', 'фэня', 'фэней'], gender: 'm' } },
};

const RU_ONES: Record<Gender, string[]> = {
  m: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  f: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
};
const RU_TEENS = [
  'десять',
  'одиннадцать',
  'двенадцать',
  'тринадцать',
  'четырнадцать',
  'пятнадцать',
  'шестнадцать',
  'семнадцать',
  'восемнадцать',
  'девятнадцать',
];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** Thousands, millions… with their forms; thousands are feminine. */
const RU_SCALES: RuNoun[] = [
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
  { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
];

/** The Russian plural form for a count: 1 → 0, 2–4 → 1, 0 and 5–20 → 2 (by the last two digits). */
export function ruPluralIndex(n: bigint): 0 | 1 | 2 {
  const last2 = Number(n % 100n);
  const last = last2 % 10;
  if (last2 >= 11 && last2 <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

function ruTriad(n: number, gender: Gender): string[] {
  const words = [RU_HUNDREDS[Math.floor(n / 100)]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]);
  else words.push(RU_TENS[Math.floor(rest / 10)], RU_ONES[gender][rest % 10]);
  return words.filter(Boolean);
}

/** A whole number in Russian words, its numerals in the gender of the noun that follows. */
export function ruNumberWords(n: bigint, gender: Gender): string {
  if (n === 0n) return 'ноль';
  const triads: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) triads.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = triads.length - 1; i >= 0; i--) {
    const t = triads[i];
    if (t === 0) continue;
    if (i === 0) words.push(...ruTriad(t, gender));
    else {
      const scale = RU_SCALES[i - 1];
      words.push(...ruTriad(t, scale.gender), scale.forms[ruPluralIndex(BigInt(t))]);
    }
  }
  return words.join(' ');
}

const EN_ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['thousand', 'million', 'billion', 'trillion'];
const EN_CURRENCIES: Record<string, [string, string, string, string]> = {
  RUB: ['rouble', 'roubles', 'kopeck', 'kopecks'],
  USD: ['US dollar', 'US dollars', 'cent', 'cents'],
  EUR: ['euro', 'euros', 'cent', 'cents'],
  GBP: ['pound sterling', 'pounds sterling', 'penny', 'pence'],
};

function enTriad(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? EN_ONES[rest] : EN_TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${EN_ONES[rest % 10]}` : '');
  return [hundreds ? `${EN_ONES[hundreds]} hundred` : '', tail].filter(Boolean).join(' and ');
}

export function enNumberWords(n: bigint): string {
  if (n === 0n) return 'zero';
  const triads: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) triads.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = triads.length - 1; i >= 0; i--) {
    if (triads[i] === 0) continue;
    words.push(enTriad(triads[i]) + (i > 0 ? ` ${EN_SCALES[i - 1]}` : ''));
  }
  return words.join(' ');
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The amount in words in the language; the minor part in digits after the noun of the major part. */
export function amountInWords(amountMinor: number, currency: string, language: Language): string {
  const digits = minorDigits(currency);
  const scale = 10n ** BigInt(digits);
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const major = abs / scale;
  const minor = abs % scale;
  const minorText = String(minor).padStart(digits, '0');
  const minus = negative ? (language === 'ru' ? 'минус ' : 'minus ') : '';
  if (language === 'ru') {
    const names = RU_CURRENCIES[currency];
    if (!names) return capitalise(`${minus}${ruNumberWords(major, 'm')} ${currency}${digits ? ` ${minorText}` : ''}`);
    const majorPart = `${ruNumberWords(major, names.major.gender)} ${names.major.forms[ruPluralIndex(major)]}`;
    return capitalise(minus + majorPart + (digits ? ` ${minorText} ${names.minor.forms[ruPluralIndex(minor)]}` : ''));
  }
  const names = EN_CURRENCIES[currency];
  if (!names) return capitalise(`${minus}${enNumberWords(major)} ${currency}${digits ? ` and ${minorText}/${scale}` : ''}`);
  const majorPart = `${enNumberWords(major)} ${major === 1n ? names[0] : names[1]}`;
  return capitalise(minus + majorPart + (digits ? ` and ${minorText} ${minor === 1n ? names[2] : names[3]}` : ''));
}
