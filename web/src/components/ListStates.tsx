/** The states every list shares: loading, failed, empty and "load more". */
import type { ReactNode } from 'react';
import { Alert, Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CursorList } from '../api/use-cursor-list';
import { useBackgroundReady } from '../lib/use-background-ready';
import { describeError } from './describe-error';
import type { Advice } from './empty-advice';
import { ButtonLink } from './links';
import { PageLoader } from './RouteStates';

/**
 * Renders the list once loaded; before that a loader, or the reason it failed. A list read
 * oldest first (a conversation) puts "load more", worded as `moreLabel`, above its items.
 */
export function ListBody<T>({
  list,
  empty,
  children,
  moreAbove,
}: {
  list: CursorList<T>;
  empty: ReactNode;
  children: ReactNode;
  moreAbove?: string;
}) {
  const { t } = useTranslation();
  const loaded = useBackgroundReady(!list.isPending);
  if (!loaded) return <PageLoader />;
  if (list.isError)
    return (
      <Alert color="red" role="alert" title={t('errors.loadFailed')}>
        {describeError(list.error, t)}
      </Alert>
    );
  if (list.items.length === 0) return <>{empty}</>;
  return (
    <Stack gap="md">
      {moreAbove !== undefined && <LoadMore list={list} label={moreAbove} />}
      {children}
      {moreAbove === undefined && <LoadMore list={list} />}
    </Stack>
  );
}

export function LoadMore<T>({ list, label }: { list: CursorList<T>; label?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Center>
      <Button variant="default" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {label ?? t('common.loadMore')}
      </Button>
    </Center>
  );
}

/** What to show when a list has nothing yet, and how to add the first item. */
export function EmptyState({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Text c="dimmed" maw={480}>
          {body}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

/** An empty state worded for what the user may do (see `empty-advice.ts`), with the way to do it. */
export function AdvisedEmptyState({ advice }: { advice: Advice }) {
  const { t } = useTranslation();
  const { link } = advice;
  return (
    <EmptyState title={t(advice.title)} body={t(advice.body)} action={link && <ButtonLink to={link.to}>{t(link.label)}</ButtonLink>} />
  );
}
