/**
 * A client company's thread read like a chat: oldest at the top, newest just above the box to
 * write in, earlier messages on demand. The reader's own side (the client's people in the
 * portal, the agency on the account page) sits on the right.
 */
import { useMemo } from 'react';
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, ListBody } from '../../components/ListStates';
import { useMe } from '../auth/session';
import { useThread, type ThreadOf } from './api';
import { MessageComposer } from './MessageComposer';
import { MessageItem } from './MessageItem';
import classes from './Requests.module.css';

interface Props extends ThreadOf {
  /** Words of the empty thread and of the box to write in, for the reader's side. */
  empty: string;
  composerLabel: string;
}

export function RequestsThread({ accountId, projectId, empty, composerLabel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const list = useThread({ accountId, projectId });
  const oldestFirst = useMemo(() => [...list.items].reverse(), [list.items]);
  const readerIsClient = me.user.role === 'client';
  return (
    <Stack gap="lg">
      <ListBody list={list} empty={<EmptyState title={t('requests.emptyTitle')} body={empty} />} moreAbove={t('requests.earlier')}>
        <ol className={classes.thread} aria-label={t('requests.thread')} data-testid="request-thread">
          {oldestFirst.map((m) => (
            <MessageItem key={m.id} message={m} mine={m.author.fromClient === readerIsClient} />
          ))}
        </ol>
      </ListBody>
      <MessageComposer label={composerLabel} target={{ accountId, projectId }} />
    </Stack>
  );
}
