/** A webhook's delivery log, newest first: status, answer, timing, attempts, with redelivery. */
import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookDelivery } from '@common/schemas/webhook';
import { DataTable } from '../../components/DataTable';
import { EmptyState, ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { useLocale } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { notify } from '../../lib/notify';
import { useDeliveries, useRedeliver } from './api';

const STATUS_COLOR = { pending: 'yellow', succeeded: 'green', failed: 'red' } as const;

export function DeliveriesSection({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useDeliveries(webhook.id);
  const redeliver = useRedeliver();
  const resend = async (d: WebhookDelivery) => {
    const again = await redeliver.mutateAsync(d);
    notify({ color: again.status === 'succeeded' ? 'green' : 'red', message: t(`webhooks.deliveries.redelivered.${again.status}`) });
  };
  const headers = [
    t('webhooks.deliveries.time'),
    t('webhooks.deliveries.event'),
    t('webhooks.deliveries.status'),
    t('webhooks.deliveries.code'),
    t('webhooks.deliveries.duration'),
    t('webhooks.deliveries.attempts'),
    t('webhooks.deliveries.answer'),
    '',
  ];
  return (
    <Section title={t('webhooks.deliveries.title', { url: webhook.url })}>
      <ListBody list={list} empty={<EmptyState title={t('webhooks.deliveries.emptyTitle')} body={t('webhooks.deliveries.emptyBody')} />}>
        <DataTable headers={headers} minWidth={900}>
          {list.items.map((d) => (
            <Table.Tr key={d.id} data-testid="delivery-row">
              <Table.Td>{formatDateTime(d.lastAttemptAt ?? d.createdAt, locale)}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.eventType}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOR[d.status]} variant="light">
                  {t(`webhooks.deliveries.statusOf.${d.status}`)}
                </Badge>
                {d.status === 'pending' && d.nextAttemptAt && (
                  <Text size="xs" c="dimmed">
                    {t('webhooks.deliveries.next', { at: formatDateTime(d.nextAttemptAt, locale) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{d.responseCode ?? '—'}</Table.Td>
              <Table.Td>{d.durationMs === null ? '—' : t('webhooks.deliveries.ms', { ms: d.durationMs })}</Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td maw={260}>
                <Text size="xs" ff="monospace" lineClamp={3} c={d.error ? 'red' : undefined}>
                  {d.error ?? d.responseExcerpt ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  loading={redeliver.isPending && redeliver.variables?.id === d.id}
                  onClick={() => void resend(d)}
                  aria-label={t('webhooks.deliveries.redeliverOf', { event: d.eventType })}
                >
                  {t('webhooks.deliveries.redeliver')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </ListBody>
    </Section>
  );
}
