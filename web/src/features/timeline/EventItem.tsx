/**
 * Something the system recorded on an account: created, owner or status changed, invoices,
 * projects. Quieter than a logged conversation (no card, smaller dimmed text), so what people
 * said stands out; a dot in the colour of its kind (system, money, delivery) helps the eye group them.
 */
import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TIMELINE_EVENT_CATEGORY } from '@common/enums';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { describeEvent, type EventEntry } from './describe-event';

const DOT_COLORS = { conversations: 'teal.7', system: 'gray.6', money: 'orange.7', delivery: 'indigo.6', satisfaction: 'grape.6' } as const;

interface Props {
  entry: EventEntry;
  nameOf: (id: string | null) => string | undefined;
}

export function EventItem({ entry, nameOf }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actor = nameOf(entry.actorId);
  const category = TIMELINE_EVENT_CATEGORY[entry.kind];
  return (
    <Group gap="xs" justify="space-between" px="sm" py={2} data-testid="timeline-event" data-category={category}>
      <Group gap={8} wrap="nowrap">
        <Box w={8} h={8} bg={DOT_COLORS[category]} style={{ borderRadius: '50%', flex: 'none' }} aria-hidden="true" />
        {/* What the client wrote and the answer read as conversation; the system's own events stay quiet. */}
        <Text size="sm" c={category === 'conversations' ? undefined : 'dimmed'}>
          {describeEvent(entry, t, nameOf, locale)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {actor && `${actor} · `}
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
      </Text>
    </Group>
  );
}
