/**
 * Choose a person by typing part of their name or email. The server searches, so it works
 * however many users the agency has; only the roles the field accepts are offered.
 */
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { User } from '@common/schemas/user';
import { SearchSelect, type Option } from '../../components/SearchSelect';
import { roleLabel } from '../tasks/labels';
import { userQuery, useSearchUsers, type UserSearch } from './api';

interface Props extends UserSearch {
  label: string;
  /** The chosen user's id; empty for nobody. */
  value?: string;
  onChange: (userId: string) => void;
  /** Shown while nobody is chosen: what an empty choice means here ("None", "Any", "Me"). */
  placeholder?: string;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  clearable?: boolean;
}

/** A specialist by their specialties, anyone else by their role; deactivated people say so. */
function userOption(user: User, t: TFunction): Option {
  const what =
    user.role === 'specialist' && user.specialties.length > 0
      ? user.specialties.map((s) => roleLabel(t, s)).join(', ')
      : t(`roles.${user.role}`);
  return { value: user.id, label: user.name, hint: user.active ? what : `${what} · ${t('users.inactive')}` };
}

export function UserPicker({ roles, includeInactive, value = '', ...field }: Props) {
  const { t } = useTranslation();
  const search = useSearchUsers({ roles, includeInactive });
  const selected = useQuery({ ...userQuery(value), enabled: Boolean(value) });
  const chosen = selected.data
    ? userOption(selected.data, t)
    : value && selected.isFetched
      ? { value, label: t('people.unknownUser') }
      : undefined;
  return (
    <SearchSelect
      {...field}
      value={value}
      queryKey={['users', 'picker', roles?.join(',') ?? 'any', includeInactive ? 'all' : 'active']}
      search={async (q) => (await search(q)).map((u) => userOption(u, t))}
      selected={chosen}
    />
  );
}

interface FilterProps {
  label: string;
  roles?: UserSearch['roles'];
  /** Undefined while no one is chosen, so the filter drops out of the query. */
  value: string | undefined;
  onChange: (userId: string | undefined) => void;
  /** What "no one chosen" means here; "Any" by default. */
  anyLabel?: string;
}

/** A list filter by person. Deactivated people are offered too: the records they left are still looked at. */
export function UserFilter({ value, onChange, anyLabel, ...field }: FilterProps) {
  const { t } = useTranslation();
  return (
    <UserPicker
      {...field}
      includeInactive
      clearable
      placeholder={anyLabel ?? t('common.any')}
      value={value ?? ''}
      onChange={(id) => onChange(id || undefined)}
    />
  );
}
