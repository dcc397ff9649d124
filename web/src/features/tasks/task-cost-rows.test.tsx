import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { afterAll, describe, expect, it } from 'vitest';
import type { TaskCost } from '@common/schemas/task';
import { Details } from '../../components/Details';
import i18n from '../../i18n';
import { localeFor } from '../../lib/format';
import '../delivery/catalogue';
import { taskCostRows } from './task-cost-rows';

const priced: TaskCost = { currency: 'RUB', pricedAs: 'seo', hourlyRateMinor: 450_000, spentMinor: 675_000, estimateMinor: 1_800_000 };
const unpriced: TaskCost = { currency: 'RUB', pricedAs: 'seo', hourlyRateMinor: null, spentMinor: null, estimateMinor: null };

/** The rows as the task page shows them, each "label: value", in the language given. */
function rows(language: string, cost: TaskCost | null) {
  void i18n.changeLanguage(language);
  const { container, unmount } = render(
    <MantineProvider>
      <Details items={taskCostRows(cost, i18n.t, localeFor(language))} />
    </MantineProvider>,
  );
  const pairs = [...container.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
  const missing = screen.queryByTestId('missing-rate')?.textContent ?? null;
  unmount();
  // Intl separates groups and the symbol with no-break spaces; plain ones read better here.
  return { pairs: pairs.map((p) => p.replace(/[\u00a0\u202f]/g, ' ')), missing };
}

describe('a task’s cost on its page', () => {
  afterAll(() => i18n.changeLanguage('en'));

  it('shows the cost and the rate in the project’s currency', () => {
    expect(rows('en', priced).pairs).toEqual(['Cost: RUB 6,750.00 of RUB 18,000.00 estimated', 'Hourly rate: RUB 4,500.00 an hour']);
    expect(rows('ru', priced).pairs).toEqual(['Стоимость: 6 750,00 ₽ из 18 000,00 ₽ по оценке', 'Ставка: 4 500,00 ₽ в час']);
  });

  it('says in words which rate is missing instead of a sum, in English and Russian', () => {
    const en = rows('en', unpriced);
    expect(en.missing).toBe('No rate in RUB for SEO specialist, so the cost is unknown.');
    expect(en.pairs).toEqual([`Cost: ${en.missing}`]);
    expect(rows('ru', unpriced).missing).toBe('Нет ставки в RUB для роли «SEO-специалист», поэтому стоимость неизвестна.');
  });

  it('shows nothing of money to those who do not see it', () => {
    expect(rows('en', null).pairs).toEqual([]);
  });
});
