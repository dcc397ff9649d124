import { sql, type Kysely } from 'kysely';

/** The tables an import creates records in. */
const TABLES = ['accounts', 'contacts', 'interactions', 'invoices'] as const;

/**
 * A record an import created carries the import's id, written with the record, instead of a row
 * of its own in `import_records`: that row and its index cost a quarter of a large import's time
 * on PostgreSQL. `import_records` keeps what undo needs beyond the mark: the prior values of the
 * records an import updated, and the version of a record it created then updated again. The
 * index is partial: records typed in by hand (most of them) are not in it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('import_id', 'text').execute();
    await db.schema.createIndex(`${table}_import_idx`).on(table).column('import_id').where(sql.ref('import_id'), 'is not', null).execute();
    await sql`
      update ${sql.table(table)} set import_id = (
        select r.import_id from import_records r
        where r.table_name = ${table} and r.action = 'created' and r.record_id = ${sql.table(table)}.id)
      where id in (select record_id from import_records where table_name = ${table} and action = 'created')`.execute(db);
  }
  // A created record's row stays only where it holds a version other than the first.
  await db.deleteFrom('import_records').where('action', '=', 'created').where('version_after', '=', 1).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await sql`
      insert into import_records (import_id, table_name, record_id, action, prior, version_after)
      select t.import_id, ${table}, t.id, 'created', null, 1 from ${sql.table(table)} t
      where t.import_id is not null
        and not exists (select 1 from import_records r where r.import_id = t.import_id and r.table_name = ${table} and r.record_id = t.id)`.execute(
      db,
    );
    await db.schema.dropIndex(`${table}_import_idx`).execute();
    await db.schema.alterTable(table).dropColumn('import_id').execute();
  }
}
