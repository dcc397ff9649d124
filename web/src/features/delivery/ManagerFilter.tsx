/**
 * Whose accounts a report covers: one account manager's, among the owners of the accounts the
 * user can see (the server lists them, so a manager never learns of accounts beyond their own).
 * Shown only when there is someone besides the user to choose.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '../../components/FilterSelect';
import { accountOwnersQuery } from '../accounts/api';
import { useMe } from '../auth/session';

interface Props {
  value: string | undefined;
  onChange: (ownerId: string | undefined) => void;
  /** What "no manager chosen" means for this report. */
  anyLabel: string;
}

export function ManagerFilter({ value, onChange, anyLabel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const owners = useQuery(accountOwnersQuery);
  const others = (owners.data ?? []).some((u) => u.id !== me.user.id);
  if (!others && !value) return null;
  return (
    <FilterSelect
      label={t('fields.owner')}
      value={value}
      onChange={onChange}
      options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
      anyLabel={anyLabel}
    />
  );
}
