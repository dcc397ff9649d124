/** On a contact's page: what the client portal emails them about, changed by the account's manager. */
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { Section } from '../../components/Section';
import { contactName } from '../contacts/api';
import { NotificationChoices } from './NotificationChoices';

export function ContactNotifications({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  return (
    <Section title={t('clientNotifications.contactTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('clientNotifications.contactIntro', { name: contactName(contact) })}</Text>
        <NotificationChoices contactId={contact.id} legend={t('clientNotifications.contactLegend')} canChange={contact.can.update} />
      </Stack>
    </Section>
  );
}
