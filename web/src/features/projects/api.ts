/** Projects: queries and the writes on the project itself (what the user may do is the project's `can`). */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProjectStage } from '@common/enums';
import type { Project } from '@common/schemas/project';
import { api } from '../../api/client';

export const projectQuery = (id: string) =>
  queryOptions({ queryKey: ['projects', id], queryFn: () => api.get<Project>(`/projects/${id}`) });

/** After a write: the saved project replaces the cached one; lists, reports and the timeline refresh. */
export function useProjectSaved() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(projectQuery(project.id).queryKey, project);
    void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['reports'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', project.accountId] });
  };
}

/** A project write that answers with the project: stage change, plan submission and approval. */
function useProjectWrite<V>(send: (project: Project, value: V) => Promise<Project>) {
  const saved = useProjectSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ project, value }: { project: Project; value: V }) => send(project, value),
    onSuccess: saved,
    // A 412 or a refused change means the page shows an old project: fetch the current one.
    onError: (_e, { project }) => queryClient.invalidateQueries({ queryKey: projectQuery(project.id).queryKey }),
  });
}

export const useChangeStage = () =>
  useProjectWrite<ProjectStage>((p, stage) => api.patch<Project>(`/projects/${p.id}`, { stage }, p.version));

export const useSubmitPlan = () => useProjectWrite<void>((p) => api.post<Project>(`/projects/${p.id}/plan/submit`));

export const useApprovePlan = () => useProjectWrite<string>((p, note) => api.post<Project>(`/projects/${p.id}/plan/approve`, { note }));

export const useSetTeam = () =>
  useProjectWrite<{ userId: string; role: string }[]>((p, members) => api.put<Project>(`/projects/${p.id}/team`, { members }));
