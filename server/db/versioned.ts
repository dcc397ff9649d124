import type { Kysely, Updateable } from 'kysely';
import type { DB } from './schema.js';

/** Every table whose rows carry a `version`. */
type VersionedTable = { [K in keyof DB]: DB[K] extends { version: unknown } ? K : never }[keyof DB];

/**
 * Optimistic update: applies `set` only while the row still has `version` (the If-Match the
 * client sent, or the version the caller read), bumping it.
 * Returns false when another writer got there first (the caller answers 412).
 */
export async function updateIfVersion<T extends VersionedTable>(
  trx: Kysely<DB>,
  table: T,
  id: string,
  version: number,
  set: Updateable<DB[T]>,
): Promise<boolean> {
  const res = await (trx as Kysely<any>)
    .updateTable(table as string)
    .set({ ...(set as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return res.numUpdatedRows > 0n;
}
