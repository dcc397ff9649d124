import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EditRecord } from '../../components/EditRecord';
import { AccountForm } from './AccountForm';
import { accountQuery, useAccountSaved } from './api';

const route = getRouteApi('/app/accounts/$accountId/edit');

export function AccountEditPage() {
  const { t } = useTranslation();
  const { accountId } = route.useParams();
  const navigate = useNavigate();
  const saved = useAccountSaved();
  // No refetch on focus: the form must not be reset under the user's hands.
  const query = useQuery({ ...accountQuery(accountId), refetchOnWindowFocus: false });
  return (
    <EditRecord query={query} editable={(r) => r.can.update} title={(a) => t('accounts.editTitle', { name: a.name })}>
      {(account, reload) => (
        <AccountForm
          account={account}
          onReload={reload}
          onSaved={(updated) => {
            saved(updated);
            // On the Details tab, where what was just changed shows.
            void navigate({ to: '/accounts/$accountId', params: { accountId }, search: { tab: 'details' } });
          }}
        />
      )}
    </EditRecord>
  );
}
