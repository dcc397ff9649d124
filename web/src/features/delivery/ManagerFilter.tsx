/** For admins: whose projects a report covers. Managers always see their own, so they get no choice. */
import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isAdmin, useMe } from '../auth/session';
import { useUserDirectory } from '../users/api';

interface Props {
  value: string | undefined;
  onChange: (managerId: string | undefined) => void;
  /** What "no manager chosen" means for this report. */
  anyLabel: string;
}

export function ManagerFilter({ value, onChange, anyLabel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { owners } = useUserDirectory();
  if (!isAdmin(me.user.role)) return null;
  return (
    <Group mb="md" role="search">
      <NativeSelect
        label={t('fields.owner')}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
        data={[{ value: '', label: anyLabel }, ...owners.map((u) => ({ value: u.id, label: u.name }))]}
      />
    </Group>
  );
}
