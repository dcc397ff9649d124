import { describe, expect, it } from 'vitest';
import { LABELS, MESSAGES, languageFromHeader, renderMessage } from './index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::(\w+))?\}/g)].map((m) => m[0]).sort();

describe('the message catalogue', () => {
  it('words every code in both languages with the same placeholders, each label set known', () => {
    for (const [code, message] of Object.entries(MESSAGES)) {
      expect(message.en.trim(), code).not.toBe('');
      expect(message.ru.trim(), code).not.toBe('');
      expect(placeholders(message.ru), code).toEqual(placeholders(message.en));
      for (const m of message.en.matchAll(/\{\w+:(\w+)\}/g)) expect(['money', ...Object.keys(LABELS)], code).toContain(m[1]);
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
