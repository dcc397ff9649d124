/** Corrective actions: the lists, one action with its check's figures, opening one and recording its check. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CorrectiveActionStatus } from '@common/enums';
import type { CheckFigures, CorrectiveAction, CorrectiveActionCheck, CorrectiveActionCreate } from '@common/schemas/corrective-action';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export interface ActionFilter {
  claimId?: string;
  rootCause?: string;
  status?: CorrectiveActionStatus;
  ownerId?: string;
  dueBy?: string;
}

export const useCorrectiveActions = (filter: ActionFilter, limit = 50) =>
  useCursorList<CorrectiveAction>(['corrective-actions', 'list'], '/corrective-actions', { ...filter, limit });

export const correctiveActionQuery = (id: string) =>
  queryOptions({ queryKey: ['corrective-actions', 'one', id], queryFn: () => api.get<CorrectiveAction>(`/corrective-actions/${id}`) });

export const checkPreviewQuery = (id: string, sameAccount: boolean) =>
  queryOptions({
    queryKey: ['corrective-actions', 'preview', id, sameAccount],
    queryFn: () => api.get<CheckFigures>(`/corrective-actions/${id}/check-preview`, { sameAccount: String(sameAccount) }),
  });

/** After any change: the lists, the action and the timelines of the accounts it touches. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (action: CorrectiveAction) => {
    void queryClient.invalidateQueries({ queryKey: ['corrective-actions'] });
    for (const accountId of new Set(action.claims.map((c) => c.accountId)))
      void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
  };
}

export function useCreateAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CorrectiveActionCreate) => api.post<CorrectiveAction>('/corrective-actions', body),
    onSuccess: refresh,
  });
}

export function useRecordCheck() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, check }: { id: string; check: CorrectiveActionCheck }) =>
      api.post<CorrectiveAction>(`/corrective-actions/${id}/check`, check),
    onSuccess: refresh,
  });
}
