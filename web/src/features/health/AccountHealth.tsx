/**
 * An account's health on its page (staff who read its internal records): the score and grade,
 * each component's score and the facts behind it (or that it has no data and does not count),
 * and the trend of the last 90 days' nightly snapshots.
 */
import { LineChart } from '@mantine/charts';
import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import type { AccountHealth as Health, HealthComponentScore } from '@common/schemas/health';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { healthQuery, TREND_DAYS } from './api';
import { HealthGradeBadge } from './HealthGradeBadge';

function ComponentCard({ c }: { c: HealthComponentScore }) {
  const { t } = useTranslation();
  const name = t(`health.component.${c.component}`);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={name} data-testid={`health-${c.component}`}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={4} size="h6">
          {name}
        </Title>
        <Text size="sm" fw={600}>
          {c.hasData ? t('health.componentScore', { score: c.score, weight: c.weight }) : t('health.noData')}
        </Text>
      </Group>
      <List size="sm" spacing={2}>
        {c.facts.map((f) => (
          <List.Item key={f.code + JSON.stringify(f.params)}>{f.text}</List.Item>
        ))}
      </List>
    </Paper>
  );
}

function Trend({ health }: { health: Health }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const points = health.trend.filter((p) => p.score !== null).map((p) => ({ day: formatDate(p.day, locale), score: p.score }));
  if (points.length === 0) return <Text c="dimmed">{t('health.noTrend')}</Text>;
  return (
    <figure style={{ margin: 0 }} aria-label={t('health.trendTitle', { days: TREND_DAYS })}>
      <LineChart
        h={220}
        data={points}
        dataKey="day"
        yAxisProps={{ domain: [0, 100] }}
        series={[{ name: 'score', label: t('health.score'), color: 'blue.8' }]}
        curveType="linear"
        accessibilityLayer={false}
      />
    </figure>
  );
}

export function AccountHealth({ account }: { account: Account }) {
  const { t } = useTranslation();
  const query = useQuery(healthQuery(account.id));
  return (
    <RecordGate query={query}>
      {(health) => (
        <Stack gap="lg">
          <Section title={t('health.title')}>
            <Stack gap="sm">
              <Group gap="sm">
                <HealthGradeBadge size="xl" grade={health.grade} score={health.score} data-testid="health-score" />
                <Text size="sm" c="dimmed">
                  {health.score === null ? t('health.noScoreWhy') : t('health.how')}
                </Text>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
                {health.components.map((c) => (
                  <ComponentCard key={c.component} c={c} />
                ))}
              </SimpleGrid>
            </Stack>
          </Section>
          <Section title={t('health.trendTitle', { days: TREND_DAYS })}>
            <Trend health={health} />
          </Section>
        </Stack>
      )}
    </RecordGate>
  );
}
