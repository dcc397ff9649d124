import { sql, type Kysely } from 'kysely';
import { isPostgres, notNull, timestampType } from './helpers.js';

/** The tables global search reads from, and their change stamps it catches up by. */
const SOURCES = ['accounts', 'contacts', 'projects', 'tasks', 'documents', 'invoices', 'deals', 'claims'] as const;

/**
 * Global search: one row per word (folded, see modules/search/words.ts) of each record's
 * searchable fields, queried as a prefix range on the primary key; the version of each record
 * the words were taken from; and, per kind, the change stamp the index has caught up to. The
 * source tables get an index on `updated_at` so catching up is one range read per kind.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('search_terms')
    // Byte order on PostgreSQL too, so `term >= p AND term < p || U+FFFF` is exactly "starts with p".
    .addColumn('term', 'text', (c) => (isPostgres(db) ? c.notNull().modifyFront(sql`collate "C"`) : c.notNull()))
    .addColumn('kind', 'text', notNull)
    .addColumn('record_id', 'text', notNull)
    .addColumn('field', 'integer', notNull) // 0: the title, 1: a secondary field
    .addPrimaryKeyConstraint('search_terms_pk', ['term', 'kind', 'record_id'])
    .execute();
  // By record first: an index led by the kind would tempt the planner away from the term range.
  await db.schema.createIndex('search_terms_record_idx').on('search_terms').columns(['record_id', 'kind']).execute();
  await db.schema
    .createTable('search_records')
    .addColumn('kind', 'text', notNull)
    .addColumn('record_id', 'text', notNull)
    .addColumn('version', 'integer', notNull)
    .addPrimaryKeyConstraint('search_records_pk', ['kind', 'record_id'])
    .execute();
  await db.schema
    .createTable('search_cursors')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('cursor', ts, notNull)
    .execute();
  for (const table of SOURCES) {
    await db.schema.createIndex(`${table}_updated_idx`).ifNotExists().on(table).columns(['updated_at', 'id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of SOURCES) await db.schema.dropIndex(`${table}_updated_idx`).ifExists().execute();
  await db.schema.dropTable('search_cursors').execute();
  await db.schema.dropTable('search_records').execute();
  await db.schema.dropTable('search_terms').execute();
}
