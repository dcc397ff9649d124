/** Loyalty: the programme's tiers and referral reward (admins), the evaluation, and an account's standing and referral. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  LoyaltyMove,
  LoyaltyRun,
  LoyaltySettings,
  LoyaltyStanding,
  LoyaltyTier,
  LoyaltyTierCreate,
  LoyaltyTierUpdate,
} from '@common/schemas/loyalty';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export const tiersQuery = queryOptions({
  queryKey: ['loyalty', 'tiers'],
  queryFn: async () => (await api.get<{ items: LoyaltyTier[] }>('/loyalty/tiers')).items,
});

/** Adds a tier, or changes one against the version shown (a stale change answers 412 instead of overwriting). */
export function useSaveTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ tier, body }: { tier?: LoyaltyTier; body: LoyaltyTierCreate | LoyaltyTierUpdate }) =>
      tier ? api.patch<LoyaltyTier>(`/loyalty/tiers/${tier.id}`, body, tier.version) : api.post<LoyaltyTier>('/loyalty/tiers', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tiersQuery.queryKey }),
  });
}

export function useDeleteTier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tier: LoyaltyTier) => api.delete(`/loyalty/tiers/${tier.id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tiersQuery.queryKey }),
  });
}

/** Evaluates every account now (once per agency day); standings read afterwards show the run's moves. */
export function useEvaluateLoyalty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<LoyaltyRun>('/loyalty/evaluate'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['loyalty', 'account'] }),
  });
}

export const loyaltySettingsQuery = queryOptions({
  queryKey: ['settings', 'loyalty'],
  queryFn: () => api.get<LoyaltySettings>('/settings/loyalty'),
});

export function useSaveLoyaltySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoyaltySettings) => api.put<LoyaltySettings>('/settings/loyalty', body),
    onSuccess: (saved) => queryClient.setQueryData(loyaltySettingsQuery.queryKey, saved),
  });
}

export const standingQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['loyalty', 'account', accountId],
    queryFn: () => api.get<LoyaltyStanding>(`/accounts/${accountId}/loyalty`),
  });

export const useLoyaltyHistory = (accountId: string) =>
  useCursorList<LoyaltyMove>(['loyalty', 'account', accountId, 'history'], `/accounts/${accountId}/loyalty/history`, { limit: 20 });

export function useSetReferral(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referrerId: string | null) => api.put<LoyaltyStanding>(`/accounts/${accountId}/referral`, { referrerId }),
    onSuccess: (standing) => {
      queryClient.setQueryData(standingQuery(accountId).queryKey, standing);
      void queryClient.invalidateQueries({ queryKey: ['loyalty', 'account'] });
    },
  });
}
