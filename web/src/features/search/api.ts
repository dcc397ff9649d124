/** Global search: what the palette asks the server as the user types. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { SearchItem, SearchResult } from '@common/schemas/search';
import { api } from '../../api/client';

/** Records of each kind the palette shows. */
const PER_KIND = 5;

export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<SearchResult>('/search', { q, limit: PER_KIND }, signal),
    // While the next answer comes, the last one stays on screen instead of a blank list.
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export function useSearch(q: string, enabled: boolean) {
  return useQuery({ ...searchQuery(q.trim()), enabled });
}

/** Where the web app opens a record that search found; a deal opens on its account's deals. */
export function pathOf(item: SearchItem): string {
  switch (item.kind) {
    case 'account':
      return `/accounts/${item.id}`;
    case 'contact':
      return `/contacts/${item.id}`;
    case 'project':
      return `/projects/${item.id}`;
    case 'task':
      return `/tasks/${item.id}`;
    case 'document':
      return `/documents/${item.id}`;
    case 'invoice':
      return `/invoices/${item.id}`;
    case 'claim':
      return `/claims/${item.id}`;
    case 'deal':
      return item.accountId ? `/accounts/${item.accountId}?tab=deals` : '/deals';
  }
}
