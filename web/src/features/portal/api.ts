/** The portal's own queries and the client's answers on a project's plan. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PortalHome, PortalManager, PortalPaymentDetails } from '@common/schemas/portal';
import type { Project } from '@common/schemas/project';
import { api } from '../../api/client';
import { useProjectSaved } from '../projects/api';

export const portalHomeQuery = queryOptions({ queryKey: ['portal', 'home'], queryFn: () => api.get<PortalHome>('/portal/home') });

/** After the client answers anything, the start page's list of what waits for them is stale. */
export function useRefreshPortalHome() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: portalHomeQuery.queryKey });
}

/** The client sends the submitted plan back with what to change. */
export function useRequestPlanChanges() {
  const saved = useProjectSaved();
  const refreshHome = useRefreshPortalHome();
  return useMutation({
    mutationFn: ({ project, comment }: { project: Project; comment: string }) =>
      api.post<Project>(`/projects/${project.id}/plan/request-changes`, { comment }),
    onSuccess: (project) => {
      saved(project);
      void refreshHome();
    },
  });
}

/** The company's account manager and backup, as the client may reach them. */
export const portalManagerQuery = queryOptions({
  queryKey: ['portal', 'manager'],
  queryFn: () => api.get<PortalManager>('/portal/manager'),
});

/** How to pay, worded in the client's language: asked again once their language is saved. */
export const portalPaymentQuery = (language: string) =>
  queryOptions({
    queryKey: ['portal', 'payment-details', language],
    queryFn: () => api.get<PortalPaymentDetails>('/portal/payment-details'),
  });
