import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict } from '../../lib/errors.js';
import type { OpeningBalances } from '../billing/index.js';

/** Tables an import writes, children first: the order records are removed in. */
const TABLES = ['invoices', 'interactions', 'contacts', 'accounts'] as const;
/** Records that may hang on an account the import created: any of them not the import's own refuses undo. */
const CHILDREN = ['contacts', 'interactions', 'invoices', 'projects', 'deals'] as const;

/**
 * Removes what an import created and puts back what it updated, in the caller's transaction;
 * 409 when any of those records changed since (its version moved on, it was deleted, or new
 * records hang on an account it created).
 */
export async function undoImport(trx: Kysely<DB>, importId: string, openingBalances: OpeningBalances): Promise<void> {
  const changed = await countChanged(trx, importId);
  if (changed > 0) throw conflict('import.changed_since', { count: changed });
  for (const table of TABLES) {
    const created = trx
      .selectFrom('import_records')
      .select('record_id')
      .where('import_id', '=', importId)
      .where('table_name', '=', table)
      .where('action', '=', 'created');
    if (table === 'invoices') {
      const ids = (await created.execute()).map((r) => r.record_id);
      await openingBalances.removeMany(trx, ids);
    } else {
      await trx.deleteFrom(table).where('id', 'in', created).execute();
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
  let changed = 0;
  for (const table of TABLES) {
    const row = await sql<{ n: number }>`
      select count(*) as n from import_records r
      left join ${sql.table(table)} t on t.id = r.record_id
      where r.import_id = ${importId} and r.table_name = ${table}
        and (t.id is null and r.action = 'updated' or t.version <> r.version_after)`.execute(trx);
    changed += Number(row.rows[0].n);
  }
  for (const child of CHILDREN) {
    const row = await sql<{ n: number }>`
      select count(*) as n from ${sql.table(child)} c
      join import_records a on a.import_id = ${importId} and a.table_name = 'accounts' and a.action = 'created' and a.record_id = c.account_id
      where not exists (select 1 from import_records o where o.import_id = ${importId} and o.table_name = ${child} and o.record_id = c.id)`.execute(
      trx,
    );
    changed += Number(row.rows[0].n);
  }
  return changed;
}
