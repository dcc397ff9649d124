/** Every corrective action the user reads, filtered by status, root cause and owner; root causes' actions are opened here. */
import { useState } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CORRECTIVE_ACTION_STATUSES } from '@common/enums';
import { FilterSelect } from '../../components/FilterSelect';
import { ListBody } from '../../components/ListStates';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../auth/session';
import { claimSettingsQuery, useNameOf } from '../claims/api';
import { UserFilter } from '../users/UserPicker';
import { ActionsTable } from './ActionsTable';
import { useCorrectiveActions } from './api';
import { NewActionDialog } from './NewActionDialog';

const route = getRouteApi('/app/corrective-actions');
const pick = <T extends string>(values: readonly T[], v: string | undefined) => values.find((x) => x === v);

export function CorrectiveActionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/corrective-actions' });
  const settings = useQuery(claimSettingsQuery);
  const nameOf = useNameOf();
  const [creating, setCreating] = useState(false);
  const status = pick(CORRECTIVE_ACTION_STATUSES, search.status);
  const list = useCorrectiveActions({ status, rootCause: search.rootCause, ownerId: search.ownerId });
  const set = (changes: Record<string, string | undefined>) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });
  const opens = me.user.role === 'admin' || me.user.role === 'account_manager';

  return (
    <Stack gap="md">
      <PageHeader title={t('correctiveActions.title')}>
        {opens && <Button onClick={() => setCreating(true)}>{t('correctiveActions.newForRootCause')}</Button>}
      </PageHeader>
      <Group align="end" gap="md">
        <FilterSelect
          label={t('correctiveActions.fields.status')}
          value={status}
          onChange={(value) => set({ status: value })}
          options={CORRECTIVE_ACTION_STATUSES.map((s) => ({ value: s, label: t(`correctiveActions.status.${s}`) }))}
        />
        <FilterSelect
          label={t('correctiveActions.fields.rootCause')}
          value={search.rootCause}
          onChange={(value) => set({ rootCause: value })}
          options={(settings.data?.rootCauses ?? []).map((r) => ({ value: r.key, label: nameOf(settings.data?.rootCauses, r.key) }))}
        />
        <UserFilter
          label={t('correctiveActions.fields.owner')}
          roles={['admin', 'account_manager']}
          value={search.ownerId}
          onChange={(ownerId) => set({ ownerId })}
        />
      </Group>
      <ListBody list={list} empty={<Text c="dimmed">{t('correctiveActions.none')}</Text>}>
        <ActionsTable actions={list.items} />
      </ListBody>
      {creating && <NewActionDialog opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
