/** The cooperation analysis (`GET /reports/satisfaction`) and the records behind its items. */
import { queryOptions } from '@tanstack/react-query';
import type { SatisfactionDrill, SatisfactionRecord, SatisfactionReport } from '@common/schemas/satisfaction-report';
import { api } from '../../api/client';
import { useCursorList } from '../../api/use-cursor-list';

export interface SatisfactionFilter {
  from?: string;
  to?: string;
  owner?: string;
  account?: string;
}

export const satisfactionReportQuery = (filter: SatisfactionFilter) =>
  queryOptions({
    queryKey: ['reports', 'satisfaction', filter],
    queryFn: () => api.get<SatisfactionReport>('/reports/satisfaction', { ...filter }),
  });

/** The records of one item, in the report's period and scope, a page at a time. */
export const useSatisfactionRecords = (filter: SatisfactionFilter, drill: SatisfactionDrill | null) =>
  useCursorList<SatisfactionRecord>(
    ['reports', 'satisfaction', 'records'],
    '/reports/satisfaction/records',
    { ...filter, ...drill, limit: 25 },
    drill !== null,
  );
