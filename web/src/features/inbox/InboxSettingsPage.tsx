/** The page of the signed-in staff member's notification choices (from the bell and the digest email). */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { InboxPreferencesSection } from './InboxPreferencesSection';

export function InboxSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('inbox.settings.pageTitle')} />
      <InboxPreferencesSection />
    </Stack>
  );
}
