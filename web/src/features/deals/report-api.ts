/** The sales report (`GET /reports/pipeline`): forecast, win rate, cycle length and lost reasons for a period and owner. */
import { queryOptions } from '@tanstack/react-query';
import type { PipelineReport } from '@common/schemas/deal-report';
import { api } from '../../api/client';

export interface PipelineReportFilter {
  from?: string;
  to?: string;
  owner?: string;
}

export const pipelineReportQuery = (filter: PipelineReportFilter) =>
  queryOptions({
    queryKey: ['reports', 'pipeline', filter],
    queryFn: () => api.get<PipelineReport>('/reports/pipeline', { ...filter }),
  });
