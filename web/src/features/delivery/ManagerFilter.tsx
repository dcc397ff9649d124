/** For those who look at other managers' work (admins): whose projects a report covers. Managers see their own, so they get no choice. */
import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_OWNER_ROLES } from '@common/enums';
import { useMe } from '../auth/session';
import { UserFilter } from '../users/UserPicker';

interface Props {
  value: string | undefined;
  onChange: (managerId: string | undefined) => void;
  /** What "no manager chosen" means for this report. */
  anyLabel: string;
}

export function ManagerFilter({ value, onChange, anyLabel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  if (!me.can.seeOtherManagers) return null;
  return (
    <Group mb="md" role="search">
      <UserFilter label={t('fields.owner')} roles={ACCOUNT_OWNER_ROLES} value={value} onChange={onChange} anyLabel={anyLabel} />
    </Group>
  );
}
