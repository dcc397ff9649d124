/** One item of Today: why it needs the user, what it is about, and its one-click actions. */
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '@common/schemas/today';
import { ApiError } from '../../api/client';
import { ActionDialog } from '../../components/ActionDialog';
import { notify } from '../../lib/notify';
import { problemText } from '../../lib/problems';
import { SnoozeDialog } from './SnoozeDialog';
import { useMarkTodayItem, useRecordAction } from './api';

const SEVERITY_COLOR = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' } as const;

export function TodayItemCard({ item, today }: { item: AgendaItem; today: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const mark = useMarkTodayItem();
  const record = useRecordAction();
  const [dialog, setDialog] = useState<'snooze' | 'dismiss' | null>(null);
  const open = (path: string) => void router.navigate({ href: path });
  const has = (action: AgendaItem['actions'][number]) => item.actions.includes(action);
  const busy = mark.isPending || record.isPending;
  // The reminder goes out, then the item leaves Today until the invoice reaches its next step.
  const sendReminder = async () => {
    try {
      await record.mutateAsync({ action: 'send_reminder', id: item.record.id });
      notify({ message: t('today.reminderSent'), color: 'green' });
      mark.mutate({ key: item.key, action: 'done' });
    } catch (error) {
      const text = error instanceof ApiError ? problemText(error) : undefined;
      notify({ message: text ?? t('today.reminderFailed'), color: 'red' });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="today-item" data-kind={item.kind}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge color={SEVERITY_COLOR[item.severity]} variant="light">
            {t(`today.severity.${item.severity}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {t(`today.kind.${item.kind}`)}
          </Text>
          {item.account && (
            <Anchor
              size="sm"
              href={`/accounts/${item.account.id}`}
              onClick={(e) => {
                e.preventDefault();
                open(`/accounts/${item.account!.id}`);
              }}
            >
              {item.account.name}
            </Anchor>
          )}
        </Group>
        <Anchor
          href={item.record.path}
          fw={500}
          onClick={(e) => {
            e.preventDefault();
            open(item.record.path);
          }}
        >
          {item.reason}
        </Anchor>
        {item.actions.length > 0 && (
          <Group gap="xs" mt={4}>
            {has('complete_next_step') && (
              <Button
                size="xs"
                loading={record.isPending}
                onClick={() => record.mutate({ action: 'complete_next_step', id: item.record.id })}
              >
                {t('today.actions.completeNextStep')}
              </Button>
            )}
            {has('log_call') && item.account && (
              <Button size="xs" variant="light" onClick={() => open(`/accounts/${item.account!.id}`)}>
                {t('today.actions.logCall')}
              </Button>
            )}
            {has('complete_billing_action') && (
              <Button
                size="xs"
                loading={record.isPending}
                onClick={() => record.mutate({ action: 'complete_billing_action', id: item.record.id })}
              >
                {t('today.actions.completeBillingAction')}
              </Button>
            )}
            {has('send_reminder') && (
              <Button size="xs" loading={record.isPending} onClick={() => void sendReminder()}>
                {t('today.actions.sendReminder')}
              </Button>
            )}
            {has('done') && (
              <Button size="xs" variant="default" disabled={busy} onClick={() => mark.mutate({ key: item.key, action: 'done' })}>
                {t('today.actions.done')}
              </Button>
            )}
            {has('snooze') && (
              <Button size="xs" variant="default" onClick={() => setDialog('snooze')}>
                {t('today.actions.snooze')}
              </Button>
            )}
            {has('dismiss') && (
              <Button size="xs" variant="subtle" color="gray" onClick={() => setDialog('dismiss')}>
                {t('today.actions.dismiss')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <SnoozeDialog
        opened={dialog === 'snooze'}
        onClose={() => setDialog(null)}
        today={today}
        onSnooze={(until) => mark.mutateAsync({ key: item.key, action: 'snooze', until })}
      />
      <ActionDialog
        opened={dialog === 'dismiss'}
        onClose={() => setDialog(null)}
        title={t('today.dismissTitle')}
        body={item.reason}
        note={{ label: t('today.dismissReason'), missing: t('today.dismissMissing'), field: 'reason' }}
        confirmLabel={t('today.actions.dismiss')}
        onConfirm={(reason) => mark.mutateAsync({ key: item.key, action: 'dismiss', reason })}
      />
    </Paper>
  );
}
