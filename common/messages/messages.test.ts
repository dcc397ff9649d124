import { describe, expect, it } from 'vitest';
import { LABELS, MESSAGES, languageFromHeader, renderMessage } from './index.js';
import { COUNTED_UNITS, formatCount } from './render.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::(\w+))?\}/g)].map((m) => m[0]).sort();

describe('the message catalogue', () => {
  it('words every code in both languages with the same placeholders, each label set known', () => {
    for (const [code, message] of Object.entries(MESSAGES)) {
      expect(message.en.trim(), code).not.toBe('');
      expect(message.ru.trim(), code).not.toBe('');
      expect(placeholders(message.ru), code).toEqual(placeholders(message.en));
      for (const m of message.en.matchAll(/\{\w+:(\w+)\}/g)) {
        expect(['money', 'date', ...Object.keys(COUNTED_UNITS), ...Object.keys(LABELS)], code).toContain(m[1]);
      }
    }
  });

  it('writes Russian in Russian and English in English', () => {
    const cyrillic = /[а-яё]/i;
    const problems = Object.entries(MESSAGES).flatMap(([code, m]) => [
      ...(cyrillic.test(m.ru) ? [] : [`${code}: the Russian is not in Russian`]),
      ...(cyrillic.test(m.en) ? [`${code}: the English has Cyrillic`] : []),
    ]);
    expect(problems).toEqual([]);
  });

  it('names every value of every label set in both languages', () => {
    const problems = Object.entries(LABELS).flatMap(([set, values]) =>
      Object.entries(values as Record<string, { en: string; ru: string }>).flatMap(([value, label]) =>
        (['en', 'ru'] as const).filter((language) => !label[language]?.trim()).map((language) => `${set}.${value}: no ${language}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('gives counts their plural form', () => {
    const plain = (s: string) => s.replace(/\u00a0/g, ' ');
    expect([1, 2, 5, 11, 21, 22, 25, 101].map((n) => plain(formatCount(n, 'days', 'ru')))).toEqual([
      '1 день',
      '2 дня',
      '5 дней',
      '11 дней',
      '21 день',
      '22 дня',
      '25 дней',
      '101 день',
    ]);
    expect([1, 2, 30].map((n) => plain(formatCount(n, 'days', 'en')))).toEqual(['1 day', '2 days', '30 days']);
    expect(plain(renderMessage('followUp.alert_title', { account: 'Ромашка', days: 31 }, 'ru'))).toBe(
      'Ромашка: счета просрочены на 31 день',
    );
    for (const [unit, forms] of Object.entries(COUNTED_UNITS)) {
      expect(Object.keys(forms.ru).sort(), unit).toEqual(['few', 'many', 'one', 'other']);
      expect(Object.keys(forms.en).sort(), unit).toEqual(['one', 'other']);
    }
  });

  it('fills parameters, translates labels, lists and money', () => {
    expect(renderMessage('project.stage_not_allowed', { from: 'on_hold', allowed: ['review', 'closed'], to: 'brief' }, 'en')).toBe(
      'A project in on hold can move to review, closed, not brief.',
    );
    expect(renderMessage('record.not_found', { what: 'invoice' }, 'ru')).toBe('Не найдено (счёт) или у вас нет доступа.');
    expect(renderMessage('payment.at_most', { balance: 123456, currency: 'EUR' }, 'en')).toBe('At most €1,234.56');
    expect(renderMessage('payment.at_most', { balance: 123456, currency: 'RUB' }, 'ru')).toMatch(/^Не больше 1\s234,56\s₽$/);
    expect(renderMessage('payment.at_most', { balance: 500, currency: 'JPY' }, 'en')).toBe('At most JP¥500');
  });

  it('reads the preferred language from Accept-Language', () => {
    expect(languageFromHeader('ru')).toBe('ru');
    expect(languageFromHeader('en-US,en;q=0.9,ru;q=0.8')).toBe('en');
    expect(languageFromHeader('fr-FR, ru;q=0.7, en;q=0.5')).toBe('ru');
    expect(languageFromHeader('fr')).toBe('en');
    expect(languageFromHeader(undefined)).toBe('en');
  });
});
