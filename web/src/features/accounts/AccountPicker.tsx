/** Choose an account by typing part of its name. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Account } from '@common/schemas/account';
import { api, type Page } from '../../api/client';
import { SEARCH_LIMIT, SearchSelect } from '../../components/SearchSelect';
import { accountQuery } from './api';

interface Props {
  value: string;
  onChange: (accountId: string) => void;
  error?: string;
  required?: boolean;
  /** What the choice means here (default "Account"). */
  label?: string;
  description?: string;
  clearable?: boolean;
}

export function AccountPicker(props: Props) {
  const { t } = useTranslation();
  const selected = useQuery({ ...accountQuery(props.value), enabled: Boolean(props.value) });
  return (
    <SearchSelect
      {...props}
      label={props.label ?? t('fields.account')}
      placeholder={t('contacts.pickAccount')}
      queryKey={['accounts', 'list', 'picker']}
      search={async (q) =>
        (await api.get<Page<Account>>('/accounts', { q, limit: SEARCH_LIMIT, sort: 'name' })).items.map((a) => ({
          value: a.id,
          label: a.name,
        }))
      }
      selected={selected.data && { value: selected.data.id, label: selected.data.name }}
    />
  );
}
