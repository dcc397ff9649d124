/** Users: the staff directory other pages use for names, and the admin's user management. */
import { useMemo } from 'react';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate } from '@common/schemas/user';
import { api, type Page } from '../../api/client';

/**
 * Up to 200 users for names and owner pickers. Staff lists stay far below that in an
 * agency; past it, unknown ids show as "unknown user" rather than breaking the page.
 */
export const userDirectoryQuery = queryOptions({
  queryKey: ['users', 'directory'],
  queryFn: () => api.get<Page<User>>('/users', { limit: 200 }),
  staleTime: 5 * 60_000,
});

export function useUserDirectory() {
  const query = useQuery(userDirectoryQuery);
  return useMemo(() => {
    const users = query.data?.items ?? [];
    const byId = new Map(users.map((u) => [u.id, u]));
    // Who accounts may name as owner or backup, as the server says.
    const owners = users.filter((u) => u.mayOwnAccounts);
    return { users, owners, nameOf: (id: string | null | undefined) => (id ? byId.get(id)?.name : undefined) };
  }, [query.data]);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Activates or deactivates a user; the version guards against a concurrent edit. */
export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: Pick<User, 'id' | 'version' | 'active'>) =>
      api.patch<User>(`/users/${user.id}`, { active: !user.active }, user.version),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
