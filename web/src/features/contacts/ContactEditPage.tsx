import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EditRecord } from '../../components/EditRecord';
import { contactName, contactQuery, useContactSaved } from './api';
import { ContactForm } from './ContactForm';

const route = getRouteApi('/app/contacts/$contactId/edit');

export function ContactEditPage() {
  const { t } = useTranslation();
  const { contactId } = route.useParams();
  const navigate = useNavigate();
  const saved = useContactSaved();
  // No refetch on focus: the form must not be reset under the user's hands.
  const query = useQuery({ ...contactQuery(contactId), refetchOnWindowFocus: false });
  return (
    <EditRecord query={query} editable={(r) => r.can.update} title={(c) => t('contacts.editTitle', { name: contactName(c) })}>
      {(contact, reload) => (
        <ContactForm
          contact={contact}
          onReload={reload}
          onSaved={(updated) => {
            saved(updated);
            void navigate({ to: '/contacts/$contactId', params: { contactId } });
          }}
        />
      )}
    </EditRecord>
  );
}
