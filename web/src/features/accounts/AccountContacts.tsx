/** The people at the account, for its Contacts tab, with "Add contact" for its manager. */
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { useCursorList } from '../../api/use-cursor-list';
import { ButtonLink } from '../../components/links';
import { EmptyState, ListBody } from '../../components/ListStates';
import { Section } from '../../components/Section';
import { ContactsTable } from '../contacts/ContactsTable';

export function AccountContacts({ accountId, canAdd }: { accountId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const list = useCursorList<Contact>(['contacts', 'list'], '/contacts', { accountId, limit: 50 });
  const add = canAdd && (
    <ButtonLink size="sm" to="/contacts/new" search={{ accountId }}>
      {t('contacts.add')}
    </ButtonLink>
  );
  return (
    <Section title={t('contacts.title')} actions={add}>
      <ListBody list={list} empty={<EmptyState title={t('contacts.noneTitle')} body={t('contacts.noneBody')} />}>
        <ContactsTable contacts={list.items} showAccount={false} />
      </ListBody>
    </Section>
  );
}
