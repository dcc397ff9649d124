/** Contacts across every account the user may see, with search. */
import { Group } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links';
import type { Contact } from '@common/schemas/contact';
import { useCursorList } from '../../api/use-cursor-list';
import { contactsAdvice } from '../../components/empty-advice';
import { AdvisedEmptyState, EmptyState, ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { ExportMenu } from '../../components/ExportMenu';
import { SearchInput } from '../../components/SearchInput';
import { useMe } from '../auth/session';
import { ContactsTable } from './ContactsTable';

const route = getRouteApi('/app/contacts');

export function ContactsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { q } = route.useSearch();
  const navigate = route.useNavigate();
  const list = useCursorList<Contact>(['contacts', 'list'], '/contacts', { q, limit: 50 });
  const newButton = me.can.createContact && (
    <ButtonLink to="/contacts/new" search={{ accountId: undefined }}>
      {t('contacts.new')}
    </ButtonLink>
  );

  return (
    <>
      <PageHeader title={t('contacts.title')}>
        {newButton}
        <ExportMenu path="/contacts" query={{ q }} />
      </PageHeader>
      {/* Those who reach no account have no contact to search for. */}
      {me.can.seeAccounts && (
        <Group mb="md" role="search">
          <SearchInput label={t('common.search')} value={q} onSearch={(next) => void navigate({ search: { q: next }, replace: true })} />
        </Group>
      )}
      <ListBody
        list={list}
        empty={
          q ? (
            <EmptyState title={t('contacts.noMatchesTitle')} body={t('contacts.noMatchesBody')} />
          ) : (
            <AdvisedEmptyState advice={contactsAdvice(me.can)} />
          )
        }
      >
        <ContactsTable contacts={list.items} showAccount />
      </ListBody>
    </>
  );
}
