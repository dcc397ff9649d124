/** Objections on deals, their categories, the playbook of answers and each category's figures. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ObjectionResult } from '@common/enums';
import type {
  Objection,
  ObjectionCategoryStats,
  ObjectionCreate,
  ObjectionSettings,
  ObjectionUpdate,
  Playbook,
} from '@common/schemas/objection';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';
import { useLocale } from '../../i18n';

export interface ObjectionFilter {
  dealId?: string;
  accountId?: string;
  category?: string;
  result?: ObjectionResult;
}

export const useObjections = (filter: ObjectionFilter, enabled = true) =>
  useCursorList<Objection>(['objections', 'list'], '/objections', { ...filter, limit: 50 }, enabled);

export const objectionSettingsQuery = queryOptions({
  queryKey: ['settings', 'objections'],
  queryFn: () => api.get<ObjectionSettings>('/settings/objections'),
  staleTime: 5 * 60_000,
});

/** The configured categories, and a category's name in the user's language (its key until they load). */
export function useCategories() {
  const settings = useQuery(objectionSettingsQuery);
  const language = useLocale().startsWith('ru') ? 'ru' : 'en';
  const categories = settings.data?.categories ?? [];
  return {
    categories,
    name: (key: string) => categories.find((c) => c.key === key)?.name[language] ?? key,
  };
}

export const usePlaybook = (category: string | null) =>
  useQuery({
    queryKey: ['objections', 'playbook', category],
    queryFn: () => api.get<Playbook>('/objections/playbook', { category: category! }),
    enabled: !!category,
  });

export const useCategoryStats = () =>
  useQuery({
    queryKey: ['objections', 'categories'],
    queryFn: () => api.get<{ items: ObjectionCategoryStats[] }>('/objections/categories'),
  });

/** After any change: every objections query (lists, playbooks, figures) and the account's timeline. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (accountId?: string) => {
    void queryClient.invalidateQueries({ queryKey: ['objections'] });
    if (accountId) void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
  };
}

export function useCreateObjection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ObjectionCreate) => api.post<Objection>('/objections', body),
    onSuccess: (o) => refresh(o.accountId),
  });
}

export function useUpdateObjection() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ objection, changes }: { objection: Objection; changes: ObjectionUpdate }) =>
      api.patch<Objection>(`/objections/${objection.id}`, changes, objection.version),
    onSuccess: (o) => refresh(o.accountId),
  });
}

/** Pins a category's recommended answer, or unpins it with null (admins). */
export function usePinAnswer() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ category, response }: { category: string; response: string | null }) =>
      response === null
        ? api.delete(`/objections/playbook/${category}/pin`)
        : api.put<void>(`/objections/playbook/${category}/pin`, { response }),
    onSuccess: () => refresh(),
  });
}
