/** Account health: the score now with its reasons and the trend of the nightly snapshots. */
import { queryOptions } from '@tanstack/react-query';
import type { AccountHealth } from '@common/schemas/health';
import { api } from '../../api/client';

/** Days of snapshots the account page's trend shows. */
export const TREND_DAYS = 90;

export const healthQuery = (accountId: string) =>
  queryOptions({
    queryKey: ['accounts', accountId, 'health'],
    queryFn: () => api.get<AccountHealth>(`/accounts/${accountId}/health`, { days: TREND_DAYS }),
  });
