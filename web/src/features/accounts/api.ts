/** Accounts: queries and writes, shared by the accounts pages. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Account, AccountOwner } from '@common/schemas/account';
import { api } from '../../api/client';

export const accountQuery = (id: string) =>
  queryOptions({ queryKey: ['accounts', id], queryFn: () => api.get<Account>(`/accounts/${id}`) });

/** After a write: the saved record replaces the cached one and lists are refreshed. */
export function useAccountSaved() {
  const queryClient = useQueryClient();
  return (account: Account) => {
    queryClient.setQueryData(accountQuery(account.id).queryKey, account);
    void queryClient.invalidateQueries({ queryKey: ['accounts', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', account.id] });
  };
}

/** The people who own accounts the user can see: the choices of an account-manager filter, as the server allows. */
export const accountOwnersQuery = queryOptions({
  queryKey: ['accounts', 'owners'],
  queryFn: () => api.get<{ items: AccountOwner[] }>('/accounts/owners'),
  select: (data) => data.items,
  staleTime: 5 * 60_000,
});
