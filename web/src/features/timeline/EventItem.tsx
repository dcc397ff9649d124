/** Something the system recorded on an account (created, owner or status changed, contact added). */
import { Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@common/schemas/timeline';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';

type EventEntry = Extract<TimelineEntry, { entryType: 'event' }>;

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function EventItem({ entry, nameOf }: { entry: EventEntry; nameOf: (id: string | null) => string | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const from = str(entry.data.from);
  const to = str(entry.data.to);
  const unknown = t('timeline.nobody');
  const text = (() => {
    switch (entry.kind) {
      case 'owner_changed':
        return t('timeline.event.owner_changed', {
          from: (from && nameOf(from)) ?? unknown,
          to: (to && nameOf(to)) ?? unknown,
        });
      case 'status_changed':
        return t('timeline.event.status_changed', {
          from: from ? t(`accountStatus.${from}`) : unknown,
          to: to ? t(`accountStatus.${to}`) : unknown,
        });
      case 'contact_added':
        return t('timeline.event.contact_added', { name: str(entry.data.name) ?? '' });
      default:
        return t(`timeline.event.${entry.kind}`);
    }
  })();
  const actor = nameOf(entry.actorId);

  return (
    <Paper p="xs" radius="md" bg="var(--mantine-color-default-hover)" data-testid="timeline-event">
      <Group gap="xs" justify="space-between">
        <Text size="sm">{text}</Text>
        <Text size="sm" c="dimmed">
          {actor && `${actor} · `}
          <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
        </Text>
      </Group>
    </Paper>
  );
}
