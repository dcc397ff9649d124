/** One page of a list as its service answers it: the rows and the cursor of the next page. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** Reads one page of the list, after the cursor given (none for the first). */
export type PageReader<T> = (page: { limit: number; cursor?: string }) => Promise<ListPage<T>>;

/** Rows per query: the most a list route serves in one page. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * Every page of a list, one at a time, by following its keyset cursors: memory holds one page,
 * whatever the list's length. The first page is read before this resolves, so a refused reader
 * or a bad filter is still a problem response rather than a broken file.
 */
export async function readPages<T>(read: PageReader<T>, pageSize = EXPORT_PAGE_SIZE): Promise<AsyncIterable<T[]>> {
  const first = await read({ limit: pageSize });
  return (async function* () {
    yield first.items;
    for (let cursor = first.nextCursor; cursor;) {
      const page = await read({ limit: pageSize, cursor });
      yield page.items;
      cursor = page.nextCursor;
    }
  })();
}
