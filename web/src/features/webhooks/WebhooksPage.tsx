/** Settings → Webhooks (admins): subscriptions with their delivery log, tests, secret rotation, and the allowed private hosts. */
import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Webhook, WebhookWithSecret } from '@common/schemas/webhook';
import { ActionDialog } from '../../components/ActionDialog';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { notify } from '../../lib/notify';
import { AllowedHostsSection } from './AllowedHostsSection';
import { DeliveriesSection } from './DeliveriesSection';
import { SecretDialog } from './SecretDialog';
import { WebhookEditor } from './WebhookEditor';
import { useDeleteWebhook, useRotateSecret, useSendTest, webhooksQuery } from './api';

function StatusBadge({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  if (webhook.enabled)
    return (
      <Badge color="green" variant="light">
        {t('webhooks.status.on')}
      </Badge>
    );
  return (
    <Badge color={webhook.disabledAt ? 'red' : 'gray'} variant="light">
      {t(webhook.disabledAt ? 'webhooks.status.failing' : 'webhooks.status.off')}
    </Badge>
  );
}

function WebhookRow({
  webhook,
  selected,
  onSelect,
  onEdit,
  onRotate,
  onRemove,
}: {
  webhook: Webhook;
  selected: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onRotate: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const test = useSendTest();
  const sendTest = async () => {
    const delivery = await test.mutateAsync(webhook);
    onSelect();
    notify({ color: delivery.status === 'succeeded' ? 'green' : 'red', message: t(`webhooks.test.${delivery.status}`) });
  };
  return (
    <Table.Tr data-testid="webhook-row" bg={selected ? 'var(--mantine-color-default-hover)' : undefined}>
      <Table.Td>
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Text>
        {webhook.description && (
          <Text size="xs" c="dimmed">
            {webhook.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{webhook.eventTypes.map((type) => t(`webhooks.event.${type}`)).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge webhook={webhook} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap" justify="flex-end">
          <Button size="xs" variant={selected ? 'filled' : 'default'} onClick={onSelect} aria-pressed={selected}>
            {t('webhooks.deliveries.show')}
          </Button>
          <Button size="xs" variant="default" loading={test.isPending} onClick={() => void sendTest()}>
            {t('webhooks.test.send')}
          </Button>
          <Button size="xs" variant="default" onClick={onEdit} aria-label={t('webhooks.edit.of', { url: webhook.url })}>
            {t('common.edit')}
          </Button>
          <Button size="xs" variant="default" onClick={onRotate}>
            {t('webhooks.rotate.short')}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('webhooks.remove.of', { url: webhook.url })}>
            {t('webhooks.remove.short')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function SubscriptionsSection() {
  const { t } = useTranslation();
  const webhooks = useQuery(webhooksQuery);
  const rotate = useRotateSecret();
  const remove = useDeleteWebhook();
  // undefined: no editor; null: a new webhook.
  const [editing, setEditing] = useState<Webhook | null>();
  const [secret, setSecret] = useState<{ value: string; rotated: boolean }>();
  const [rotating, setRotating] = useState<Webhook>();
  const [removing, setRemoving] = useState<Webhook>();
  const [selectedId, setSelectedId] = useState<string>();
  const headers = [t('webhooks.field.url'), t('webhooks.field.eventTypes'), t('webhooks.field.status'), ''];
  return (
    <>
      <Section
        title={t('webhooks.subscriptions')}
        actions={
          <Button size="sm" onClick={() => setEditing(null)}>
            {t('webhooks.new')}
          </Button>
        }
      >
        <RecordGate query={webhooks}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState title={t('webhooks.emptyTitle')} body={t('webhooks.emptyBody')} />
            ) : (
              <DataTable headers={headers} minWidth={900}>
                {items.map((w) => (
                  <WebhookRow
                    key={w.id}
                    webhook={w}
                    selected={w.id === selectedId}
                    onSelect={() => setSelectedId(w.id)}
                    onEdit={() => setEditing(w)}
                    onRotate={() => setRotating(w)}
                    onRemove={() => setRemoving(w)}
                  />
                ))}
              </DataTable>
            )
          }
        </RecordGate>
      </Section>
      {webhooks.data
        ?.filter((w) => w.id === selectedId)
        .map((w) => (
          <DeliveriesSection key={w.id} webhook={w} />
        ))}
      {editing !== undefined && (
        <WebhookEditor
          webhook={editing ?? undefined}
          onClose={() => setEditing(undefined)}
          onCreated={(created: WebhookWithSecret) => {
            setSelectedId(created.id);
            setSecret({ value: created.secret, rotated: false });
          }}
        />
      )}
      {secret && <SecretDialog secret={secret.value} rotated={secret.rotated} onClose={() => setSecret(undefined)} />}
      {rotating && (
        <ActionDialog
          opened
          onClose={() => setRotating(undefined)}
          title={t('webhooks.rotate.title')}
          body={t('webhooks.rotate.body')}
          confirmLabel={t('webhooks.rotate.confirm')}
          onConfirm={async () => {
            const rotated = await rotate.mutateAsync(rotating);
            setSecret({ value: rotated.secret, rotated: true });
          }}
        />
      )}
      {removing && (
        <ActionDialog
          opened
          onClose={() => setRemoving(undefined)}
          title={t('webhooks.remove.of', { url: removing.url })}
          body={t('webhooks.remove.body')}
          confirmLabel={t('webhooks.remove.short')}
          confirmColor="red"
          onConfirm={async () => {
            await remove.mutateAsync(removing);
            notify({ color: 'green', message: t('webhooks.remove.done') });
          }}
        />
      )}
    </>
  );
}

export function WebhooksPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('webhooks.title')} />
      <Stack gap="lg">
        <Text c="dimmed" maw={760}>
          {t('webhooks.intro')}
        </Text>
        <SubscriptionsSection />
        <AllowedHostsSection />
      </Stack>
    </>
  );
}
