/**
 * A calendar feed's private address, to subscribe to in Google Calendar, Outlook or Apple Calendar,
 * with copy, regenerate (the old address stops working) and turn off. `path` is the API resource: `/me/calendar` or `/accounts/<id>/calendar`.
 */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarFeed } from '@common/schemas/calendar-feed';
import { api } from '../../api/client';
import { describeError } from '../../components/describe-error';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';

type State = { kind: 'unknown' } | { kind: 'off' } | { kind: 'on'; feed: CalendarFeed };

export function CalendarFeedSection({ path, intro }: { path: string; intro: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<State>({ kind: 'unknown' });
  const show = useMutation({
    mutationFn: () => api.get<CalendarFeed>(path),
    onSuccess: (feed) => setState({ kind: 'on', feed }),
  });
  const regenerate = useMutation({
    mutationFn: () => api.post<CalendarFeed>(`${path}/regenerate`),
    onSuccess: (feed) => setState({ kind: 'on', feed }),
  });
  const turnOff = useMutation({
    mutationFn: () => api.delete(path),
    onSuccess: () => setState({ kind: 'off' }),
  });
  const error = show.error ?? regenerate.error ?? turnOff.error;
  const busy = show.isPending || regenerate.isPending || turnOff.isPending;

  return (
    <Section title={t('calendarFeed.title')}>
      <Stack gap="sm" data-testid="calendar-feed">
        <Text size="sm">{intro}</Text>
        {error && (
          <Alert color="red" role="alert">
            {describeError(error, t)}
          </Alert>
        )}
        {state.kind === 'on' && (
          <Alert color="green" role="status" title={t('calendarFeed.madeTitle')}>
            <Stack gap="xs">
              {t('calendarFeed.madeBody')}
              <Code block data-testid="calendar-feed-url">
                {state.feed.url}
              </Code>
              <Group>
                <CopyButton value={state.feed.url}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant="default" onClick={copy}>
                      {copied ? t('calendarFeed.copied') : t('calendarFeed.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
            </Stack>
          </Alert>
        )}
        {state.kind === 'on' && (
          <Text size="sm" c="dimmed">
            {t('calendarFeed.activeSince', { date: formatDateTime(state.feed.createdAt, locale) })}
          </Text>
        )}
        {state.kind === 'off' && (
          <Text size="sm" c="dimmed" role="status">
            {t('calendarFeed.off')}
          </Text>
        )}
        <Group>
          {state.kind !== 'on' && (
            <Button variant="default" loading={show.isPending} disabled={busy} onClick={() => show.mutate()}>
              {t('calendarFeed.show')}
            </Button>
          )}
          {state.kind === 'on' && (
            <>
              <Button variant="default" loading={regenerate.isPending} disabled={busy} onClick={() => regenerate.mutate()}>
                {t('calendarFeed.regenerate')}
              </Button>
              <Button variant="subtle" color="red" loading={turnOff.isPending} disabled={busy} onClick={() => turnOff.mutate()}>
                {t('calendarFeed.turnOff')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Section>
  );
}
