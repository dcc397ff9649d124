/** A cursor-paginated list as one growing array with "load more". */
import { useMemo } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from './client';

export function useCursorList<T>(key: QueryKey, path: string, query: Query = {}, enabled = true) {
  const result = useInfiniteQuery({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    // Some lists (audit log) may omit nextCursor: treat that as the last page.
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.items) ?? [], [result.data]);
  return { ...result, items };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
