/** Admins: private hosts allowed to receive webhooks (on-premise receivers), checked again at connect time. */
import { useState } from 'react';
import { Button, Stack, TagsInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { WebhookSettings } from '@common/schemas/webhook';
import { RecordGate } from '../../components/RecordGate';
import { Section } from '../../components/Section';
import { ApiError } from '../../api/client';
import { fieldErrorText } from '../../lib/problems';
import { notify } from '../../lib/notify';
import { useSaveWebhookSettings, webhookSettingsQuery } from './api';

function HostsForm({ settings }: { settings: WebhookSettings }) {
  const { t } = useTranslation();
  const save = useSaveWebhookSettings();
  const [hosts, setHosts] = useState(settings.allowedPrivateHosts);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync({ allowedPrivateHosts: hosts });
      notify({ color: 'green', message: t('webhooks.hosts.saved') });
    } catch (e) {
      setError(e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map(fieldErrorText).join(' ') : t('errors.saveFailed'));
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
      aria-label={t('webhooks.hosts.title')}
    >
      <Stack gap="sm" maw={560}>
        <TagsInput
          label={t('webhooks.hosts.label')}
          description={t('webhooks.hosts.help')}
          placeholder={t('webhooks.hosts.placeholder')}
          value={hosts}
          onChange={setHosts}
          error={error}
          clearable
        />
        <Button type="submit" w="fit-content" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function AllowedHostsSection() {
  const { t } = useTranslation();
  const settings = useQuery(webhookSettingsQuery);
  return (
    <Section title={t('webhooks.hosts.title')}>
      <RecordGate query={settings}>{(s) => <HostsForm settings={s} />}</RecordGate>
    </Section>
  );
}
