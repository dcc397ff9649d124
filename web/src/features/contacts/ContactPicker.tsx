/** Choose a contact (with their company) by typing part of their name. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@common/schemas/contact';
import { api, type Page } from '../../api/client';
import { SEARCH_LIMIT, SearchSelect } from '../../components/SearchSelect';
import { contactName, contactQuery } from './api';

interface Props {
  value: string;
  onChange: (contactId: string) => void;
  error?: string;
  required?: boolean;
}

const toOption = (c: Contact) => ({ value: c.id, label: `${contactName(c)} (${c.accountName})` });

export function ContactPicker(props: Props) {
  const { t } = useTranslation();
  const selected = useQuery({ ...contactQuery(props.value), enabled: Boolean(props.value) });
  return (
    <SearchSelect
      {...props}
      label={t('fields.contact')}
      placeholder={t('users.pickContact')}
      queryKey={['contacts', 'list', 'picker']}
      search={async (q) => (await api.get<Page<Contact>>('/contacts', { q, limit: SEARCH_LIMIT })).items.map(toOption)}
      selected={selected.data && toOption(selected.data)}
    />
  );
}
