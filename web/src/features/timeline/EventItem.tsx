/** Something the system recorded on an account: created, owner or status changed, invoices, projects. */
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { describeEvent, type EventEntry } from './describe-event';

interface Props {
  entry: EventEntry;
  nameOf: (id: string | null) => string | undefined;
}

export function EventItem({ entry, nameOf }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actor = nameOf(entry.actorId);
  return (
    <Paper p="xs" radius="md" bg="var(--mantine-color-default-hover)" data-testid="timeline-event">
      <Group gap="xs" justify="space-between">
        <Text size="sm">{describeEvent(entry, t, nameOf, locale)}</Text>
        <Text size="sm" c="dimmed">
          {actor && `${actor} · `}
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
        </Text>
      </Group>
    </Paper>
  );
}
