/**
 * Gathers the ids asked for within one tick and fetches them together, in chunks the API
 * accepts: a page that names fifty people makes one request, not fifty.
 */
export function batchById<T extends { id: string }>(fetchMany: (ids: string[]) => Promise<T[]>, chunkSize: number) {
  type Waiter = { resolve: (item: T | null) => void; reject: (error: unknown) => void };
  let waiting = new Map<string, Waiter[]>();
  let scheduled = false;

  async function fetchChunk(batch: Map<string, Waiter[]>, ids: string[]) {
    try {
      const found = new Map((await fetchMany(ids)).map((item) => [item.id, item]));
      for (const id of ids) for (const w of batch.get(id)!) w.resolve(found.get(id) ?? null);
    } catch (error) {
      for (const id of ids) for (const w of batch.get(id)!) w.reject(error);
    }
  }

  function flush() {
    const batch = waiting;
    waiting = new Map();
    scheduled = false;
    const ids = [...batch.keys()];
    for (let i = 0; i < ids.length; i += chunkSize) void fetchChunk(batch, ids.slice(i, i + chunkSize));
  }

  /** The item with this id, or null when the server does not answer it (gone, or not the caller's to see). */
  return (id: string): Promise<T | null> =>
    new Promise((resolve, reject) => {
      waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
}
