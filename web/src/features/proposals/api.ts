/** Proposals: a deal's list, one proposal and its versions, the manager's changes, and the client's link. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { KickoffResult } from '@common/schemas/kickoff';
import type {
  PortalProposal,
  Proposal,
  ProposalContent,
  ProposalCreate,
  ProposalSend,
  ProposalStartProject,
  ProposalSummary,
  ProposalUpdate,
  PublicProposal,
} from '@common/schemas/proposal';
import { api, buildUrl, request } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export const useDealProposals = (dealId: string, enabled = true) =>
  useCursorList<ProposalSummary>(['proposals', 'list'], '/proposals', { dealId, limit: 50 }, enabled);

export const proposalQuery = (id: string) =>
  queryOptions({ queryKey: ['proposals', 'one', id], queryFn: () => api.get<Proposal>(`/proposals/${id}`) });

export const proposalVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['proposals', 'versions', id],
    queryFn: async () => (await api.get<{ items: ProposalContent[] }>(`/proposals/${id}/versions`)).items,
  });

/** The frozen PDF of a sent version (a document of the account's registry). */
export const documentPdfUrl = (documentId: string) => buildUrl(`/documents/${documentId}/pdf`);

/**
 * After any change: every proposal query, the deals (sending moves a deal to `proposal`, starting
 * a project links it) and the account's timeline.
 */
function useRefresh() {
  const queryClient = useQueryClient();
  return (accountId: string) => {
    void queryClient.invalidateQueries({ queryKey: ['proposals'] });
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', accountId] });
  };
}

export function useCreateProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ProposalCreate) => api.post<Proposal>('/proposals', body),
    onSuccess: (p) => refresh(p.accountId),
  });
}

export function useUpdateProposal() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposal, changes }: { proposal: Proposal; changes: ProposalUpdate }) =>
      api.patch<Proposal>(`/proposals/${proposal.id}`, changes, proposal.version),
    onSuccess: (p) => {
      queryClient.setQueryData(proposalQuery(p.id).queryKey, p);
      refresh(p.accountId);
    },
  });
}

export function useSendProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ proposal, body }: { proposal: Proposal; body: ProposalSend }) =>
      request<Proposal>(`/proposals/${proposal.id}/send`, { method: 'POST', body, version: proposal.version }),
    onSuccess: (p) => refresh(p.accountId),
  });
}

export function useRevokeLinks() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (proposal: Proposal) => api.post<{ revoked: number }>(`/proposals/${proposal.id}/revoke-link`),
    onSuccess: (_, proposal) => refresh(proposal.accountId),
  });
}

export function useDeleteProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (proposal: Proposal) => api.delete(`/proposals/${proposal.id}`),
    onSuccess: (_, proposal) => refresh(proposal.accountId),
  });
}

export function useStartProject() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ proposal, body }: { proposal: Proposal; body: ProposalStartProject }) =>
      api.post<KickoffResult>(`/proposals/${proposal.id}/start-project`, body),
    onSuccess: (_, { proposal }) => {
      refresh(proposal.accountId);
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

const linkPath = (token: string) => `/public/proposals/${encodeURIComponent(token)}`;

export const publicProposalQuery = (token: string) =>
  queryOptions({
    queryKey: ['public-proposal', token],
    queryFn: () => api.get<PublicProposal>(linkPath(token)),
    retry: false,
    staleTime: Infinity,
  });

export const portalProposalsQuery = queryOptions({
  queryKey: ['portal', 'proposals'],
  queryFn: async () => (await api.get<{ items: PortalProposal[] }>('/portal/proposals')).items,
});

export const acceptInPortal = (id: string, name: string | null) => api.post<PortalProposal>(`/portal/proposals/${id}/accept`, { name });
export const declineInPortal = (id: string, reason: string) => api.post<PortalProposal>(`/portal/proposals/${id}/decline`, { reason });

export const acceptByLink = (token: string, name: string | null) => api.post<PublicProposal>(`${linkPath(token)}/accept`, { name });
export const declineByLink = (token: string, reason: string) => api.post<PublicProposal>(`${linkPath(token)}/decline`, { reason });
