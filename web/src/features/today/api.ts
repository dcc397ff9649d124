/** Today: the agenda of what needs the user now, and the marks they put on its items. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Today } from '@common/schemas/today';
import type { TodaySettings } from '@common/schemas/today-settings';
import { api } from '../../api/client';

export const todayQuery = (as?: string) =>
  queryOptions({ queryKey: ['today', as ?? 'me'], queryFn: ({ signal }) => api.get<Today>('/today', as ? { as } : undefined, signal) });

export const useToday = (as?: string) => useQuery(todayQuery(as));

export type TodayMark =
  { key: string; action: 'done' } | { key: string; action: 'snooze'; until: string } | { key: string; action: 'dismiss'; reason: string };

/** Done, snoozed or dismissed on the user's own Today; the agenda reloads. */
export function useMarkTodayItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mark: TodayMark) => {
      const path = `/today/${encodeURIComponent(mark.key)}/${mark.action}`;
      if (mark.action === 'snooze') return api.post<void>(path, { until: mark.until });
      if (mark.action === 'dismiss') return api.post<void>(path, { reason: mark.reason });
      return api.post<void>(path);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['today'] }),
  });
}

const RECORD_ACTION_PATHS = {
  complete_next_step: (id: string) => `/next-steps/${id}/done`,
  complete_billing_action: (id: string) => `/billing-actions/${id}/done`,
  send_reminder: (id: string) => `/invoices/${id}/remind`,
} as const;

/** The owning module's one-click actions: a next step or a payment-desk action done, an overdue invoice's reminder sent. */
export function useRecordAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, id }: { action: keyof typeof RECORD_ACTION_PATHS; id: string }) =>
      api.post<unknown>(RECORD_ACTION_PATHS[action](id)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['today'] });
      void queryClient.invalidateQueries({ queryKey: ['next-steps'] });
    },
  });
}

export const todaySettingsQuery = queryOptions({
  queryKey: ['settings', 'today'],
  queryFn: () => api.get<TodaySettings>('/settings/today'),
});

/** Saves the settings; Today is computed again with them. */
export function useSaveTodaySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TodaySettings) => api.put<TodaySettings>('/settings/today', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(todaySettingsQuery.queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['today'] });
    },
  });
}
