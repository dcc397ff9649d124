/** Users: the people records refer to, found by id or by search, and the admin's user management. */
import { queryOptions, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { Role } from '@common/enums';
import { USER_IDS_MAX } from '@common/limits';
import type { User, UserCreate, UserUpdate } from '@common/schemas/user';
import { api, request, type Page } from '../../api/client';
import { meQuery } from '../auth/session';
import { SEARCH_LIMIT } from '../../components/SearchSelect';
import { batchById } from './batch-by-id';

const loadUser = batchById(
  async (ids) => (await api.get<Page<User>>('/users', { ids: ids.join(','), limit: ids.length })).items,
  USER_IDS_MAX,
);

/** One user by id, or null when they are not the caller's to see; ids asked for together are fetched together. */
export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'byId', id],
    queryFn: () => loadUser(id),
    staleTime: 5 * 60_000,
  });

/** Shown for a name that is still being looked up. */
export const NAME_PENDING = '…';

/**
 * The names of the users with these ids, however many users the agency has. `nameOf` answers
 * an ellipsis while a name loads and undefined for an id that names no user the caller sees.
 */
export function useUserNames(ids: readonly (string | null | undefined)[]): (id: string | null | undefined) => string | undefined {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const found = useQueries({
    queries: wanted.map((id) => userQuery(id)),
    combine: (results) => new Map(results.map((r, i) => [wanted[i], r.isPending ? NAME_PENDING : r.data?.name])),
  });
  return (id) => (id ? found.get(id) : undefined);
}

/** Who a person picker offers: the roles the field accepts, active people only unless past records are filtered. */
export interface UserSearch {
  roles?: readonly Role[];
  includeInactive?: boolean;
}

/** The first users whose name or email matches `q`; each is remembered for lookups by id. */
export function useSearchUsers({ roles, includeInactive }: UserSearch) {
  const queryClient = useQueryClient();
  return async (q: string): Promise<User[]> => {
    const page = await api.get<Page<User>>('/users', {
      q,
      role: roles?.join(','),
      active: includeInactive ? undefined : 'true',
      limit: SEARCH_LIMIT,
    });
    for (const user of page.items) queryClient.setQueryData(userQuery(user.id).queryKey, user);
    return page.items;
  };
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreate) => api.post<User>('/users', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Changes a user against the version shown (a stale one answers 412); reports that measure people refresh too. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ user, changes }: { user: Pick<User, 'id' | 'version'>; changes: UserUpdate }) =>
      api.patch<User>(`/users/${user.id}`, changes, user.version),
    onSuccess: async (user) => {
      queryClient.setQueryData(userQuery(user.id).queryKey, user);
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['users'] }), queryClient.invalidateQueries({ queryKey: ['reports'] })]);
    },
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

/**
 * Uploads a user's photo (a file) or removes it (null), then reads the user again: their
 * record's photo address changes with the photo. The list and the signed-in user refresh too.
 */
export function useChangeUserPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, file }: { userId: string; file: File | null }) => {
      const path = `/users/${userId}/photo`;
      await (file ? request<void>(path, { method: 'PUT', file }) : api.delete(path));
      return api.get<User>(`/users/${userId}`);
    },
    onSuccess: async (user) => {
      queryClient.setQueryData(userQuery(user.id).queryKey, user);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['users', 'list'] }),
        queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
      ]);
    },
  });
}
