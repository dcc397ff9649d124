import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import type { OpeningBalances } from '../billing/index.js';

/** Tables an import writes, children first: the order records are removed in. */
const TABLES = ['invoices', 'interactions', 'contacts', 'accounts'] as const;
/** Records that may hang on an account the import created: any of them not the import's own refuses undo. */
const CHILDREN = ['contacts', 'interactions', 'invoices', 'projects', 'deals'] as const;

/**
 * Removes what an import created (the records marked with its id) and puts back what it updated,
 * in the caller's transaction; 409 when any of those records changed since (its version moved
 * on, it was deleted, or new records hang on an account it created).
 */
export async function undoImport(trx: Kysely<DB>, importId: string, openingBalances: OpeningBalances): Promise<void> {
  const changed = await countChanged(trx, importId);
  if (changed > 0) throw conflict('import.changed_since', { count: changed });
  for (const table of TABLES) {
    if (table === 'invoices') {
      const ids = (await trx.selectFrom('invoices').select('id').where('import_id', '=', importId).execute()).map((r) => r.id);
      await openingBalances.removeMany(trx, ids);
    } else {
      await trx.deleteFrom(table).where('import_id', '=', importId).execute();
    }
  }
  const updated = await trx
    .selectFrom('import_records')
    .select(['table_name', 'record_id', 'prior', 'version_after'])
    .where('import_id', '=', importId)
    .where('action', '=', 'updated')
    .execute();
  for (const u of updated) {
    // Back to the values it had; the version moves on, so a form opened on the imported values is refused.
    await trx
      .updateTable(u.table_name as 'accounts' | 'contacts')
      .set({ ...(JSON.parse(u.prior!) as Record<string, never>), version: u.version_after + 1 })
      .where('id', '=', u.record_id)
      .execute();
  }
}

async function countChanged(trx: Kysely<DB>, importId: string): Promise<number> {
  const queries = TABLES.flatMap((table) => [
    // Created: still at the first version, or at the one a later row of the file left it at.
    sql<{ n: number }>`
      select count(*) as n from ${sql.table(table)} t
      left join import_records r on r.import_id = ${importId} and r.table_name = ${table} and r.record_id = t.id
      where t.import_id = ${importId} and t.version <> coalesce(r.version_after, 1)`,
    // Updated: still there, at the version the import left it at.
    sql<{ n: number }>`
      select count(*) as n from import_records r
      left join ${sql.table(table)} t on t.id = r.record_id
      where r.import_id = ${importId} and r.table_name = ${table} and r.action = 'updated'
        and (t.id is null or t.version <> r.version_after)`,
  ]);
  for (const child of CHILDREN) {
    // Projects and deals are never imported: any of them on a created account is someone's work since.
    const imported = (TABLES as readonly string[]).includes(child);
    queries.push(sql<{ n: number }>`
      select count(*) as n from ${sql.table(child)} c
      join accounts a on a.id = c.account_id and a.import_id = ${importId}
      ${imported ? sql`where c.import_id is null or c.import_id <> ${importId}` : sql``}`);
  }
  let changed = 0;
  for (const query of queries) changed += Number((await query.execute(trx)).rows[0].n);
  return changed;
}
