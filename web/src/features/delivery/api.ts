/** The delivery reports (monitoring, workload, portfolio) and the delivery settings. */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WORK_KINDS } from '@common/enums';
import type { BriefTemplateSchema } from '@common/schemas/task';
import type { DeliveryReportSchema, PortfolioReportSchema, WorkloadReportSchema } from '@common/schemas/delivery';
import { api } from '../../api/client';
import { deliverySettingsQuery, type DeliverySettings, type DeliverySettingsBody } from '../tasks/api';
import type { ScopeSearch } from './ReportScopeBar';

export type DeliveryReport = z.infer<typeof DeliveryReportSchema>;
export type WorkloadReport = z.infer<typeof WorkloadReportSchema>;
export type PortfolioReport = z.infer<typeof PortfolioReportSchema>;
export type PortfolioProject = PortfolioReport['stages'][number]['projects'][number];
export type BriefTemplate = z.infer<typeof BriefTemplateSchema>;
/** Questions for some of the languages of one kind of work. */
export type BriefQuestions = Partial<BriefTemplate['questionsByLanguage']>;

// Every report lives under ['reports', …] so any delivery write can refresh them all at once.
export const deliveryReportQuery = ({ scope, ownerId }: ScopeSearch) =>
  queryOptions({
    queryKey: ['reports', 'delivery', scope ?? null, ownerId ?? null],
    queryFn: () => api.get<DeliveryReport>('/reports/delivery', { scope, ownerId }),
  });

export const workloadQuery = (weeks: number) =>
  queryOptions({
    queryKey: ['reports', 'workload', weeks],
    queryFn: () => api.get<WorkloadReport>('/reports/workload', { weeks }),
  });

export const portfolioQuery = ({ scope, ownerId }: ScopeSearch) =>
  queryOptions({
    queryKey: ['reports', 'portfolio', scope ?? null, ownerId ?? null],
    queryFn: () => api.get<PortfolioReport>('/reports/portfolio', { scope, ownerId }),
  });

export const briefTemplatesQuery = queryOptions({
  queryKey: ['settings', 'brief-templates'],
  queryFn: () => api.get<{ items: BriefTemplate[] }>('/brief-templates'),
  select: (data) => data.items,
});

export function useSaveDeliverySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeliverySettingsBody) => api.put<DeliverySettings>('/settings/delivery', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(deliverySettingsQuery.queryKey, saved);
      // Rates change what the portfolio says a project has used of its budget.
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

export function useSaveBriefTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, questionsByLanguage }: { kind: (typeof WORK_KINDS)[number]; questionsByLanguage: BriefQuestions }) =>
      api.put<BriefTemplate>(`/brief-templates/${kind}`, { questionsByLanguage }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: briefTemplatesQuery.queryKey }),
  });
}
