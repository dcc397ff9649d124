/** For those who look at other managers' work (admins): whose projects a report covers. Managers see their own, so they get no choice. */
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/session';
import { useUserDirectory } from '../users/api';
import { FilterSelect } from '../../components/FilterSelect';

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
  if (!me.can.seeOtherManagers) return null;
  return (
    <Group mb="md" role="search">
      <FilterSelect
        label={t('fields.owner')}
        value={value}
        onChange={(v) => onChange(v)}
        options={owners.map((u) => ({ value: u.id, label: u.name }))}
        anyLabel={anyLabel}
      />
    </Group>
  );
}
