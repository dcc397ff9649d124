import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useContactSaved } from './api';
import { ContactForm } from './ContactForm';

const route = getRouteApi('/app/contacts/new');

export function ContactCreatePage() {
  const { t } = useTranslation();
  const { accountId } = route.useSearch();
  const navigate = useNavigate();
  const saved = useContactSaved();
  return (
    <>
      <PageHeader title={t('contacts.new')} />
      <ContactForm
        accountId={accountId}
        onSaved={(contact) => {
          saved(contact);
          // Back to the account the user started from, on its Contacts tab where the new contact now shows.
          if (accountId) void navigate({ to: '/accounts/$accountId', params: { accountId }, search: { tab: 'contacts' } });
          else void navigate({ to: '/contacts/$contactId', params: { contactId: contact.id } });
        }}
      />
    </>
  );
}
