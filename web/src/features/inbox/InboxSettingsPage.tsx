/** The page of the signed-in staff member's notification choices (from the bell and the digest email). */
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useMe } from '../auth/session';
import { MyDropboxAddress } from '../dropbox/DropboxAddress';
import { InboxPreferencesSection } from './InboxPreferencesSection';

export function InboxSettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t('inbox.settings.pageTitle')} />
      <InboxPreferencesSection />
      {me.can.logInteractions && (
        <Section title={t('dropbox.address.title')}>
          <MyDropboxAddress />
        </Section>
      )}
    </Stack>
  );
}
