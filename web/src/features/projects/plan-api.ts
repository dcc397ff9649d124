/** A project's work plan, requirements and brief: queries and writes. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Milestone, Requirement } from '@common/schemas/plan';
import type { BriefSchema } from '@common/schemas/task';
import { api, type Page } from '../../api/client';
import { projectQuery } from './api';

export type Brief = z.infer<typeof BriefSchema>;

export const milestonesQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['milestones', projectId],
    queryFn: () => api.get<Page<Milestone>>('/milestones', { projectId }),
    select: (page) => page.items,
  });

export const requirementsQuery = (projectId: string) =>
  queryOptions({
    queryKey: ['requirements', projectId],
    queryFn: () => api.get<Page<Requirement>>('/requirements', { projectId }),
    select: (page) => page.items,
  });

export const briefQuery = (projectId: string) =>
  queryOptions({ queryKey: ['brief', projectId], queryFn: () => api.get<Brief>(`/projects/${projectId}/brief`) });

/**
 * Refreshes what a plan write can change: the list written to, the project (its plan state
 * moves to "changed" when an approved plan's milestones change) and the reports.
 */
export function usePlanRefresh() {
  const queryClient = useQueryClient();
  return (projectId: string, list: 'milestones' | 'requirements' | 'brief') =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [list, projectId] }),
      queryClient.invalidateQueries({ queryKey: projectQuery(projectId).queryKey }),
      queryClient.invalidateQueries({ queryKey: ['reports'] }),
    ]);
}

/** A write on a milestone or requirement; afterwards the project's plan is fetched again. */
export function usePlanWrite<V>(projectId: string, list: 'milestones' | 'requirements', send: (value: V) => Promise<unknown>) {
  const refresh = usePlanRefresh();
  return useMutation({ mutationFn: send, onSettled: () => refresh(projectId, list) });
}

export const useDeleteMilestone = (projectId: string) =>
  usePlanWrite(projectId, 'milestones', (m: Milestone) => api.delete(`/milestones/${m.id}`));

export const useDeleteRequirement = (projectId: string) =>
  usePlanWrite(projectId, 'requirements', (r: Requirement) => api.delete(`/requirements/${r.id}`));

/** Records the client's decision on a requirement; a manager gives a note saying how they decided. */
export const useDecideRequirement = (projectId: string) =>
  usePlanWrite(projectId, 'requirements', ({ id, decision, note }: { id: string; decision: 'agree' | 'reject'; note: string }) =>
    api.post<Requirement>(`/requirements/${id}/${decision}`, { note }),
  );

export function useAnswerBrief(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answers: { questionId: string; answer: string }[]) => api.put<Brief>(`/projects/${projectId}/brief/answers`, { answers }),
    onSuccess: (brief) => queryClient.setQueryData(briefQuery(projectId).queryKey, brief),
  });
}
