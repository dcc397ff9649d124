/** The agency's retention of interactions (admins): older ones are purged every night. */
import { Button, Paper, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PrivacySettings } from '@common/schemas/privacy';
import { FormAlerts } from '../../components/FormAlerts';
import { PageHeader } from '../../components/PageHeader';
import { RecordGate } from '../../components/RecordGate';
import { notify } from '../../lib/notify';
import { useSubmit } from '../../lib/use-submit';
import { privacySettingsQuery, useSavePrivacySettings } from './api';
import { RetentionFields } from './RetentionFields';
import { validateRetention, valuesOf, yearsOf, type RetentionValues } from './retention-form';

function PrivacySettingsForm({ settings }: { settings: PrivacySettings }) {
  const { t } = useTranslation();
  const save = useSavePrivacySettings();
  const form = useForm<RetentionValues>({
    initialValues: valuesOf(false, settings.interactionRetentionYears),
    validate: validateRetention(t),
  });
  const [submit, state] = useSubmit(
    form,
    async (values: RetentionValues) => {
      await save.mutateAsync({ interactionRetentionYears: yearsOf(values) });
      notify({ message: t('privacy.retention.saved'), color: 'green' });
    },
    { interactionRetentionYears: 'years' },
  );
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('privacy.settings.title')}>
      <Stack gap="md" maw={560}>
        <FormAlerts state={state} />
        <RetentionFields form={form} modes={['keep', 'years']} />
        <Button type="submit" w="fit-content" loading={state.submitting}>
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function PrivacySettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(privacySettingsQuery);
  return (
    <>
      <PageHeader title={t('privacy.settings.title')} />
      <Paper withBorder p="md" radius="md">
        <RecordGate query={settings}>{(s) => <PrivacySettingsForm key={JSON.stringify(s)} settings={s} />}</RecordGate>
      </Paper>
    </>
  );
}
