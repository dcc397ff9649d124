/** Accounts: queries and writes, shared by the accounts pages. */
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Account } from '@common/schemas/account';
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
