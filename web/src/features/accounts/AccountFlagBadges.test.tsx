import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountFlags } from '@common/schemas/account';
import i18n from '../../i18n';
import { formatCalendarDate, formatMoney, localeFor } from '../../lib/format';
import { AccountFlagBadges } from './AccountFlagBadges';

const NONE: AccountFlags = { workStopped: null, overdue: null, creditUsed: null };

function badges(flags: AccountFlags, full: boolean) {
  cleanup();
  render(
    <MantineProvider>
      <AccountFlagBadges flags={flags} full={full} />
    </MantineProvider>,
  );
  return screen.queryAllByTestId(/^flag-/).map((b) => [b.dataset.testid, b.textContent]);
}

describe('account flag badges', () => {
  beforeAll(() => i18n.changeLanguage('en'));
  afterAll(() => i18n.changeLanguage('en'));

  it('show nothing when nothing is raised', () => {
    expect(badges(NONE, true)).toEqual([]);
  });

  it('say in words since when work is stopped, what is overdue in every currency, and how much credit is used', () => {
    const flags: AccountFlags = {
      workStopped: { since: '2026-05-03T10:00:00.000Z', reason: 'Unpaid' },
      overdue: {
        amounts: [
          { currency: 'EUR', amountMinor: 120_000 },
          { currency: 'USD', amountMinor: 5_000 },
        ],
        invoiceCount: 3,
        oldestDays: 1,
      },
      creditUsed: { currency: 'EUR', usedMinor: 200_000, limitMinor: 250_000 },
    };
    const locale = localeFor('en');
    const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
    expect(badges(flags, true)).toEqual([
      ['flag-work-stopped', `Work stopped since ${formatCalendarDate('2026-05-03', locale)}`],
      ['flag-overdue', `Overdue ${money(120_000, 'EUR')} + ${money(5_000, 'USD')} · 1 day`],
      ['flag-credit', `Credit used: 80% of ${money(250_000, 'EUR')}`],
    ]);
  });

  it('keep a list row short: work stopped without its date, credit only when over the limit', () => {
    const within: AccountFlags = {
      ...NONE,
      workStopped: { since: '2026-05-03T10:00:00.000Z', reason: '' },
      creditUsed: { currency: 'EUR', usedMinor: 1, limitMinor: 2 },
    };
    expect(badges(within, false)).toEqual([['flag-work-stopped', 'Work stopped']]);
    const over: AccountFlags = { ...NONE, creditUsed: { currency: 'EUR', usedMinor: 300, limitMinor: 200 } };
    expect(badges(over, false)).toEqual([['flag-credit', 'Over credit limit']]);
    const money = (minor: number) => formatMoney(minor, 'EUR', localeFor('en'));
    expect(badges(over, true)).toEqual([['flag-credit', `Over credit limit: ${money(300)} of ${money(200)}`]]);
  });

  it('read naturally in Russian, with the plural of days', async () => {
    await i18n.changeLanguage('ru');
    const flags: AccountFlags = {
      ...NONE,
      overdue: { amounts: [{ currency: 'RUB', amountMinor: 150_000 }], invoiceCount: 1, oldestDays: 22 },
    };
    expect(badges(flags, false)).toEqual([['flag-overdue', `Просрочено ${formatMoney(150_000, 'RUB', localeFor('ru'))} · 22 дня`]]);
  });
});
