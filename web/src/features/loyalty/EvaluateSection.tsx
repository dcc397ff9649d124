/** Admins: "Evaluate now" — every account is checked against the tiers (once per agency day) and the run's counts are shown. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoyaltyRun } from '@common/schemas/loyalty';
import { describeError } from '../../components/describe-error';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useEvaluateLoyalty } from './api';

function RunResult({ run }: { run: LoyaltyRun }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert
      color={run.repeated ? 'blue' : 'green'}
      title={t(run.repeated ? 'loyalty.evaluate.repeated' : 'loyalty.evaluate.done', { date: formatDate(run.runDate, locale) })}
      data-testid="loyalty-run"
    >
      <Text size="sm">
        {t('loyalty.evaluate.counts', {
          evaluated: run.evaluated,
          upgrades: run.upgrades,
          downgrades: run.downgrades,
          atRisk: run.atRisk,
          rewards: run.rewards,
        })}
      </Text>
    </Alert>
  );
}

export function EvaluateSection() {
  const { t } = useTranslation();
  const evaluate = useEvaluateLoyalty();
  return (
    <Section title={t('loyalty.evaluate.title')}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed" maw={560}>
            {t('loyalty.evaluate.help')}
          </Text>
          <Button onClick={() => evaluate.mutate()} loading={evaluate.isPending}>
            {t('loyalty.evaluate.now')}
          </Button>
        </Group>
        {evaluate.data && <RunResult run={evaluate.data} />}
        {evaluate.isError && (
          <Alert color="red" role="alert" title={t('loyalty.evaluate.failed')}>
            {describeError(evaluate.error, t)}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}
