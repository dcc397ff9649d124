/** Claims: the staff's lists and moves, the client's reports and confirmations in the portal, and the settings. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimSeverity, ClaimStatus } from '@common/enums';
import type { Claim, ClaimCreate, ClaimSettings, ClaimStatusMove, ClientClaim, PortalClaimCreate } from '@common/schemas/claim';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';
import { useLocale } from '../../i18n';

export interface ClaimFilter {
  accountId?: string;
  status?: ClaimStatus;
  severity?: ClaimSeverity;
  category?: string;
  breached?: 'true' | 'false';
  q?: string;
}

export const useClaims = (filter: ClaimFilter, limit = 50) => useCursorList<Claim>(['claims'], '/claims', { ...filter, limit });

export const claimQuery = (id: string) => queryOptions({ queryKey: ['claims', 'one', id], queryFn: () => api.get<Claim>(`/claims/${id}`) });

export const claimSettingsQuery = queryOptions({
  queryKey: ['settings', 'claims'],
  queryFn: () => api.get<ClaimSettings>('/settings/claims'),
  staleTime: 5 * 60_000,
});

type Named = { key: string; name: { en: string; ru: string } };

/** A configured entry's name in the user's language (the key until the list loads, or for a removed key). */
export function useNameOf() {
  const language = useLocale().startsWith('ru') ? 'ru' : 'en';
  return (list: Named[] | undefined, key: string | null) => (key ? (list?.find((e) => e.key === key)?.name[language] ?? key) : '—');
}

/** After any change to a claim: its lists and record, and the account's timeline. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (claim: { accountId: string }) => {
    void queryClient.invalidateQueries({ queryKey: ['claims'] });
    void queryClient.invalidateQueries({ queryKey: ['portal-claims'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', claim.accountId] });
  };
}

export function useCreateClaim() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ClaimCreate) => api.post<Claim>('/claims', body), onSuccess: refresh });
}

export function useMoveClaim() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ claim, move }: { claim: Claim; move: ClaimStatusMove }) => api.post<Claim>(`/claims/${claim.id}/status`, move),
    onSuccess: refresh,
  });
}

export function useSaveClaimSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimSettings) => api.put<ClaimSettings>('/settings/claims', body),
    onSuccess: (saved) => queryClient.setQueryData(claimSettingsQuery.queryKey, saved),
  });
}

export const usePortalClaims = () => useCursorList<ClientClaim>(['portal-claims'], '/portal/claims', { limit: 50 });

export const portalCategoriesQuery = queryOptions({
  queryKey: ['portal-claims', 'categories'],
  queryFn: () => api.get<{ categories: Named[] }>('/portal/claims/categories'),
  staleTime: 5 * 60_000,
});

export function useReportProblem() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: PortalClaimCreate) => api.post<ClientClaim>('/portal/claims', body), onSuccess: refresh });
}

export function useConfirmClaim() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (claim: ClientClaim) => api.post<ClientClaim>(`/portal/claims/${claim.id}/confirm`),
    onSuccess: refresh,
  });
}
