/** The agency's calendar: today and this week in its time zone, the days late and due work are measured against. */
import { queryOptions } from '@tanstack/react-query';
import type { AgencyCalendarNow } from '@common/schemas/calendar';
import { api } from './client';

export const agencyCalendarQuery = queryOptions({
  queryKey: ['settings', 'calendar'],
  queryFn: () => api.get<AgencyCalendarNow>('/settings/calendar'),
  // The day turns over while a page stays open: ask again every few minutes.
  staleTime: 5 * 60_000,
  refetchInterval: 15 * 60_000,
});
