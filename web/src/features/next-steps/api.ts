/** Next steps: lists by owner, account and state, and marking one done or not. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NextStepState } from '@common/enums';
import type { NextStep } from '@common/schemas/next-step';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export interface NextStepFilter {
  owner?: 'me';
  accountId?: string;
  state?: NextStepState;
}

export const useNextSteps = (filter: NextStepFilter, limit = 50) =>
  useCursorList<NextStep>(['next-steps'], '/next-steps', { ...filter, limit });

/** Done or not done again; the lists, the account timeline and its interactions refresh. */
export function useSetNextStepDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean; accountId: string }) =>
      api.post<NextStep>(`/next-steps/${id}/${done ? 'done' : 'undone'}`),
    onSuccess: (_step, { accountId }) => {
      void queryClient.invalidateQueries({ queryKey: ['next-steps'] });
      void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
      void queryClient.invalidateQueries({ queryKey: ['interactions'] });
    },
  });
}
