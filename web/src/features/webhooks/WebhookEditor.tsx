/** Admins: a new webhook (its secret is shown once afterwards) or changes to one: URL, description, event types, on or off. */
import { useState } from 'react';
import { Checkbox, SimpleGrid, Switch, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_EVENT_TYPES, type Webhook, type WebhookEventType, type WebhookWithSecret } from '@common/schemas/webhook';
import { FormDialog } from '../../components/FormDialog';
import { useCreateWebhook, useUpdateWebhook } from './api';

interface Props {
  webhook?: Webhook;
  onClose: () => void;
  /** A new webhook, with the secret to show once. */
  onCreated: (created: WebhookWithSecret) => void;
}

export function WebhookEditor({ webhook, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [url, setUrl] = useState(webhook?.url ?? 'https://');
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [eventTypes, setEventTypes] = useState<string[]>(webhook?.eventTypes ?? []);
  const [enabled, setEnabled] = useState(webhook?.enabled ?? true);
  const title = webhook ? t('webhooks.edit.title') : t('webhooks.new');
  const submit = async () => {
    const body = { url: url.trim(), description: description.trim(), eventTypes: eventTypes as WebhookEventType[], enabled };
    // An unchanged URL is not sent, so its host is not checked again against today's allowed hosts.
    if (webhook) return update.mutateAsync({ webhook, body: body.url === webhook.url ? { ...body, url: undefined } : body });
    onCreated(await create.mutateAsync(body));
  };
  return (
    <FormDialog title={title} opened onClose={onClose} submitLabel={webhook ? t('common.save') : t('webhooks.create')} onSubmit={submit}>
      <TextInput
        label={t('webhooks.field.url')}
        description={t('webhooks.field.urlHelp')}
        required
        type="url"
        value={url}
        onChange={(e) => setUrl(e.currentTarget.value)}
        data-autofocus
      />
      <Textarea
        label={t('webhooks.field.description')}
        autosize
        minRows={1}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <Checkbox.Group label={t('webhooks.field.eventTypes')} required value={eventTypes} onChange={setEventTypes}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt="xs">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <Checkbox key={type} value={type} label={t(`webhooks.event.${type}`)} description={type} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Switch label={t('webhooks.field.enabled')} checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
    </FormDialog>
  );
}
