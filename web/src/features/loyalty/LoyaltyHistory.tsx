/** An account's moves between tiers, newest first, each with the rules that made it. */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LoyaltyMove } from '@common/schemas/loyalty';
import { ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useLoyaltyHistory } from './api';
import { CheckList } from './CheckList';

function Move({ move }: { move: LoyaltyMove }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const name = (side: LoyaltyMove['from']) => side?.name ?? t('loyalty.noTier');
  const up = move.direction === 'upgrade';
  // A downgrade is explained by what failed; an upgrade by everything the new tier asked.
  const reasons = up ? move.checks : move.checks.filter((c) => !c.passed);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="loyalty-move">
      <Group gap="sm" mb={4}>
        <Badge color={up ? 'green' : 'orange'}>{t(`loyalty.history.${move.direction}`)}</Badge>
        <Text size="sm" fw={600}>
          {t('loyalty.history.fromTo', { from: name(move.from), to: name(move.to) })}
        </Text>
        <Text size="sm" c="dimmed">
          {formatDate(move.at, locale)}
        </Text>
      </Group>
      {reasons.length > 0 && <CheckList checks={reasons} label={t('loyalty.history.why')} />}
    </Paper>
  );
}

export function LoyaltyHistory({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const list = useLoyaltyHistory(accountId);
  return (
    <Section title={t('loyalty.history.title')}>
      <ListBody list={list} empty={<Text c="dimmed">{t('loyalty.history.empty')}</Text>}>
        <Stack gap="xs">
          {list.items.map((m) => (
            <Move key={m.id} move={m} />
          ))}
        </Stack>
      </ListBody>
    </Section>
  );
}
