import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { fieldLabel, formatValue, referencedIds } from './audit-values';

const names: Record<string, string> = { u1: 'Anna Petrova' };
const ctx = (recordType: string, currency?: string, language = 'en') => ({
  entry: { recordType, context: currency ? { currency } : {} },
  t: i18n.getFixedT(language),
  locale: language === 'ru' ? 'ru-RU' : 'en-GB',
  nameOf: (id: string) => names[id],
});

describe('audit values in words', () => {
  it('names fields in the user’s language, money fields by what they hold', () => {
    expect(fieldLabel('creditLimitMinor', i18n.getFixedT('en'))).toBe('Credit limit');
    expect(fieldLabel('ownerId', i18n.getFixedT('ru'))).toBe('Аккаунт-менеджер');
    expect(fieldLabel('someNewField', i18n.getFixedT('en'))).toBe('some new field');
  });

  it('formats money, dates, yes/no and names people instead of showing ids', () => {
    expect(formatValue('creditLimitMinor', 150000, ctx('account', 'EUR'))).toBe('€1,500.00');
    expect(formatValue('ownerId', 'u1', ctx('account'))).toBe('Anna Petrova');
    expect(formatValue('ownerId', 'gone', ctx('account'))).toBe('a record no longer here');
    expect(formatValue('portalAccess', true, ctx('contact'))).toBe('Yes');
    expect(formatValue('dueDate', '2026-03-15', ctx('project'))).toBe('15\u00a0Mar 2026');
    expect(formatValue('status', 'in_progress', ctx('task'))).toBe('In progress');
    expect(formatValue('status', 'churned', ctx('account', undefined, 'ru'))).toBe('Ушёл');
    expect(formatValue('lines', [{}, {}], ctx('invoice'))).toBe('2 items');
    expect(formatValue('website', null, ctx('account'))).toBe('—');
  });
});

describe('the ids an audit entry refers to', () => {
  it('are those of id fields, before and after, lists included, and nothing else', () => {
    const changes = {
      ownerId: { before: 'u1', after: 'u2' },
      backupOwnerId: { before: null, after: 'u3' },
      contactIds: { before: ['c1'], after: ['c1', 'c2'] },
      name: { before: 'Old', after: 'New' },
      paidMinor: { before: 0, after: 100 },
    };
    expect(referencedIds(changes)).toEqual(['u1', 'u2', 'u3', 'c1', 'c1', 'c2']);
  });
});
