import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Stack } from '@mantine/core';
import { EditRecord } from '../../components/EditRecord';
import { useMe } from '../auth/session';
import { AccountRetentionSection } from '../privacy/AccountRetentionSection';
import { AccountForm } from './AccountForm';
import { accountQuery, useAccountSaved } from './api';

const route = getRouteApi('/app/accounts/$accountId/edit');

export function AccountEditPage() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const navigate = useNavigate();
  const saved = useAccountSaved();
  const isAdmin = useMe().user.role === 'admin';
  // No refetch on focus: the form must not be reset under the user's hands.
  const query = useQuery({ ...accountQuery(accountId), refetchOnWindowFocus: false });
  return (
    <EditRecord query={query} editable={(r) => r.can.update} title={(a) => t('accounts.editTitle', { name: a.name })}>
      {(account, reload) => (
        <Stack gap="lg">
          <AccountForm
            account={account}
            onReload={reload}
            onSaved={(updated) => {
              saved(updated);
              // On the Details tab, where what was just changed shows.
              void navigate({ to: '/accounts/$accountId', params: { accountId }, search: { tab: 'details' } });
            }}
          />
          {isAdmin && <AccountRetentionSection accountId={account.id} />}
        </Stack>
      )}
    </EditRecord>
  );
}
