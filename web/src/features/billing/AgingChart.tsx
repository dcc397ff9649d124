/** Receivables of one currency as a stacked bar by age, with a legend that carries the amounts. */
import { Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGING_BUCKETS } from '@common/enums';
import type { AgingBuckets } from '@common/schemas/receivables';
import { useLocale } from '../../i18n';
import { formatMoney } from '../../lib/format';

// From fresh to old: the colour darkens as debt ages. Shades chosen for contrast on white and dark.
export const BUCKET_COLORS: Record<(typeof AGING_BUCKETS)[number], string> = {
  current: 'teal.7',
  d1_30: 'yellow.7',
  d31_60: 'orange.7',
  d61_90: 'red.7',
  d90_plus: 'grape.8',
};

export function AgingChart({ currency, buckets, totalMinor }: { currency: string; buckets: AgingBuckets; totalMinor: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (v: number) => formatMoney(v, currency, locale);
  const summary = AGING_BUCKETS.map((b) => `${t(`agingBucket.${b}`)}: ${money(buckets[b])}`).join('; ');
  return (
    <Paper withBorder p="md" radius="md" data-testid={`aging-${currency}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{currency}</Text>
          <Text fw={700} data-testid="aging-total">
            {money(totalMinor)}
          </Text>
        </Group>
        <Progress.Root size={24} role="img" aria-label={t('receivables.chartLabel', { currency, summary })}>
          {AGING_BUCKETS.filter((b) => buckets[b] > 0).map((b) => (
            <Tooltip key={b} label={`${t(`agingBucket.${b}`)}: ${money(buckets[b])}`}>
              <Progress.Section
                value={totalMinor > 0 ? (buckets[b] / totalMinor) * 100 : 0}
                color={BUCKET_COLORS[b]}
                aria-label={`${t(`agingBucket.${b}`)}: ${money(buckets[b])}`}
              />
            </Tooltip>
          ))}
        </Progress.Root>
        <Group gap="md">
          {AGING_BUCKETS.map((b) => (
            <Group key={b} gap={6} wrap="nowrap">
              <Progress value={100} color={BUCKET_COLORS[b]} w={12} size={12} aria-hidden />
              <Text size="sm">
                {t(`agingBucket.${b}`)}: <span data-testid={`aging-${currency}-${b}`}>{money(buckets[b])}</span>
              </Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
