/** One account: a header with what needs attention and the logging buttons, then its sections as tabs. */
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { RecordGate } from '../../components/RecordGate';
import { AccountHeader } from './AccountHeader';
import { AccountTabs } from './AccountTabs';
import { accountQuery } from './api';

const route = getRouteApi('/app/accounts/$accountId');

export function AccountPage() {
  const { accountId } = route.useParams();
  const query = useQuery(accountQuery(accountId));

  return (
    <RecordGate query={query}>
      {(account) => (
        <Stack gap="lg">
          <AccountHeader account={account} />
          <AccountTabs account={account} />
        </Stack>
      )}
    </RecordGate>
  );
}
