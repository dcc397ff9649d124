/** An account's history, newest first: logged interactions and what the system did. */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineCategory } from '@common/enums';
import type { Interaction } from '@common/schemas/interaction';
import type { TimelineEntry } from '@common/schemas/timeline';
import type { CursorList } from '../../api/use-cursor-list';
import { EmptyState, ListBody } from '../../components/ListStates';
import { useUserNames } from '../users/api';
import { useContactInteractions, useTimeline } from './api';
import { EventItem } from './EventItem';
import { InteractionCard } from './InteractionCard';
import { peopleOf } from './describe-event';

/** The account's history, or only its entries of one kind. */
export function AccountTimeline({ accountId, kind }: { accountId: string; kind?: TimelineCategory }) {
  const { t } = useTranslation();
  const timeline = useTimeline(accountId, kind);
  const nameOf = useUserNames(timeline.items.flatMap(peopleOf));
  const empty = kind ? (
    <EmptyState title={t('timelineKinds.emptyTitle')} body={t('timelineKinds.emptyBody')} />
  ) : (
    <EmptyState title={t('timeline.emptyTitle')} body={t('timeline.emptyBody')} />
  );
  return (
    <ListBody list={timeline} empty={empty}>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.title')}>
        {timeline.items.map((entry: TimelineEntry) => (
          <li key={`${entry.entryType}-${entry.id}`}>
            {entry.entryType === 'interaction' ? (
              <InteractionCard interaction={entry.interaction} author={nameOf(entry.interaction.authorId)} />
            ) : (
              <EventItem entry={entry} nameOf={nameOf} />
            )}
          </li>
        ))}
      </Stack>
    </ListBody>
  );
}

export function ContactInteractions({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const list: CursorList<Interaction> = useContactInteractions(contactId);
  const nameOf = useUserNames(list.items.map((i) => i.authorId));
  return (
    <ListBody list={list} empty={<EmptyState title={t('timeline.emptyTitle')} body={t('timeline.emptyContactBody')} />}>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('timeline.interactions')}>
        {list.items.map((interaction) => (
          <li key={interaction.id}>
            <InteractionCard interaction={interaction} author={nameOf(interaction.authorId)} />
          </li>
        ))}
      </Stack>
    </ListBody>
  );
}
