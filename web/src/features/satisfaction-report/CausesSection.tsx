/** The causes of dissatisfaction, most frequent first: root causes, low answers with their comments, late work and payments. */
import { Badge, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SatisfactionReport } from '@common/schemas/satisfaction-report';
import { DrillButton } from './drill';

type Cause = SatisfactionReport['causes'][number];

export function CausesSection({ causes }: { causes: Cause[] }) {
  const { t } = useTranslation();
  const name = (c: Cause) => {
    if (c.source === 'root_cause') return c.name;
    if (c.source === 'low_answers')
      return t('satisfaction.cause.lowAnswers', { kind: c.key === 'none' ? t('satisfaction.relationship') : t(`workKind.${c.key}`) });
    return t(`satisfaction.cause.${c.key}`);
  };
  if (causes.length === 0) return <Text c="dimmed">{t('satisfaction.noCauses')}</Text>;
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="causes">
      {causes.map((c, i) => (
        <Paper key={`${c.source}-${c.key}`} component="li" withBorder p="sm" radius="md" data-testid="cause">
          <Group justify="space-between" wrap="nowrap" align="start">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={700}>
                  {i + 1}. {name(c)}
                </Text>
                <Badge variant="light" color="gray">
                  {t(`satisfaction.source.${c.source}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('satisfaction.accountsConcerned', { count: c.accounts })}
              </Text>
              {c.comments.length > 0 && (
                <List size="sm" spacing={2}>
                  {c.comments.map((comment, n) => (
                    <List.Item key={n}>«{comment}»</List.Item>
                  ))}
                </List>
              )}
            </Stack>
            <DrillButton drill={c.drill} title={name(c)}>
              {t('satisfaction.recordsCount', { count: c.count })}
            </DrillButton>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
