/** The client's notification choices, from the portal's user menu. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { PortalShell } from '../portal/PortalShell';
import { NotificationChoices } from './NotificationChoices';

export function PortalNotificationsPage() {
  const { t } = useTranslation();
  return (
    <PortalShell>
      <Stack gap="md" maw={560}>
        <PageHeader title={t('clientNotifications.portalTitle')} />
        <Text>{t('clientNotifications.portalIntro')}</Text>
        <NotificationChoices contactId={null} legend={t('clientNotifications.legend')} canChange />
      </Stack>
    </PortalShell>
  );
}
