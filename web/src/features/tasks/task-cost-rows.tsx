/** A task's cost on its page: in the project's currency, or which rate is missing rather than a sum in another currency. */
import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { TaskCost } from '@common/schemas/task';
import { formatMoney } from '../../lib/format';
import { roleLabel } from './labels';

/** The cost and the rate as detail rows; none for those who do not see money (`cost` null). */
export function taskCostRows(cost: TaskCost | null, t: TFunction, locale: string): [string, ReactNode][] {
  if (!cost) return [];
  const { currency, hourlyRateMinor: rate, spentMinor, estimateMinor } = cost;
  if (rate === null || spentMinor === null || estimateMinor === null) {
    return [
      [
        t('taskPage.cost'),
        <Text key="c" span c="var(--mantine-color-error)" data-testid="missing-rate">
          {t('taskPage.noRate', { currency, role: roleLabel(t, cost.pricedAs) })}
        </Text>,
      ],
    ];
  }
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return [
    [t('taskPage.cost'), t('taskPage.costOf', { spent: money(spentMinor), estimate: money(estimateMinor) })],
    [t('taskPage.rate'), t('taskPage.perHour', { rate: money(rate) })],
  ];
}
