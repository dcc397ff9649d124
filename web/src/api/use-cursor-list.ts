/** A cursor-paginated list as one growing array with "load more". */
import { useMemo } from 'react';
import { infiniteQueryOptions, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { api, type Page, type Query } from './client';

/** The query behind a cursor list; a route may prefetch it with the same arguments the page uses. */
export function cursorListQuery<T>(key: QueryKey, path: string, query: Query = {}) {
  return infiniteQueryOptions({
    queryKey: [...key, query],
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    // Some lists (audit log) may omit nextCursor: treat that as the last page.
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCursorList<T>(key: QueryKey, path: string, query: Query = {}, enabled = true) {
  const result = useInfiniteQuery({ ...cursorListQuery<T>(key, path, query), enabled });
  const items = useMemo(() => result.data?.pages.flatMap((p) => p.items) ?? [], [result.data]);
  return { ...result, items };
}

export type CursorList<T> = ReturnType<typeof useCursorList<T>>;
