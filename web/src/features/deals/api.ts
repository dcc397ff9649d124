/** Deals: lists by account, owner, stage and state; opening, changing and moving them; the pipeline's settings. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DealSort, DealStage, DealState } from '@common/enums';
import type { Deal, DealCreate, DealSettings, DealStageMove, DealStageTotal, DealUpdate } from '@common/schemas/deal';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';
import { useLocale } from '../../i18n';

export interface DealFilter {
  accountId?: string;
  /** `me` or a user's id. */
  owner?: string;
  stage?: DealStage;
  state?: DealState;
  closeFrom?: string;
  closeTo?: string;
  /** Closed (won or lost) from / by these dates. */
  closedFrom?: string;
  closedTo?: string;
  sort?: DealSort;
}

export const useDeals = (filter: DealFilter, limit = 50, enabled = true) =>
  useCursorList<Deal>(['deals'], '/deals', { ...filter, limit }, enabled);

/** Count and amount per stage and currency of the deals these filters select (the board's column headers). */
export const useDealTotals = (filter: Omit<DealFilter, 'sort'>) =>
  useQuery({
    queryKey: ['deals', 'totals', filter],
    queryFn: ({ signal }) => api.get<{ items: DealStageTotal[] }>('/deals/totals', { ...filter }, signal),
    select: (data) => data.items,
  });

export const dealSettingsQuery = queryOptions({
  queryKey: ['settings', 'deals'],
  queryFn: () => api.get<DealSettings>('/settings/deals'),
  staleTime: 5 * 60_000,
});

/** The pipeline's names in the user's language: a stage's and a lost reason's (the key until the settings load). */
export function useDealNames() {
  const settings = useQuery(dealSettingsQuery);
  const language = useLocale().startsWith('ru') ? 'ru' : 'en';
  return {
    settings: settings.data,
    stage: (s: DealStage) => settings.data?.stages[s].name[language] ?? s,
    reason: (key: string) => settings.data?.lostReasons.find((r) => r.key === key)?.name[language] ?? key,
  };
}

/** After any change to a deal: its lists, the account's timeline (stage moves are on it) and the next steps. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (deal: Deal) => {
    void queryClient.invalidateQueries({ queryKey: ['deals'] });
    void queryClient.invalidateQueries({ queryKey: ['timeline', deal.accountId] });
  };
}

export function useCreateDeal() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: DealCreate) => api.post<Deal>('/deals', body), onSuccess: refresh });
}

export function useUpdateDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ deal, changes }: { deal: Deal; changes: DealUpdate }) => api.patch<Deal>(`/deals/${deal.id}`, changes, deal.version),
    onSuccess: refresh,
  });
}

export function useMoveDeal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ deal, move }: { deal: Deal; move: DealStageMove }) => api.post<Deal>(`/deals/${deal.id}/stage`, move),
    onSuccess: refresh,
  });
}

export function useSaveDealSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DealSettings) => api.put<DealSettings>('/settings/deals', body),
    onSuccess: (saved) => queryClient.setQueryData(dealSettingsQuery.queryKey, saved),
  });
}
