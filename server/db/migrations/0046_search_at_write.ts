import type { Kysely } from 'kysely';
import { timestampType } from './helpers.js';

/**
 * Global search keeps its words as records are written and ranks in SQL: each indexed record
 * carries its change stamp (recent first among equals) and its title's folded words (an exact
 * title ranks first); the words are also read by record, with the term, to check a query's
 * other words without touching the table. The index is emptied: the catch-up job rebuilds it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.deleteFrom('search_terms').execute();
  await db.deleteFrom('search_records').execute();
  await db.deleteFrom('search_cursors').execute();
  await db.schema
    .alterTable('search_records')
    .addColumn('updated_at', ts, (c) => c.notNull().defaultTo('1970-01-01T00:00:00.000Z'))
    .execute();
  await db.schema
    .alterTable('search_records')
    .addColumn('title_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.dropIndex('search_terms_record_idx').execute();
  await db.schema.createIndex('search_terms_record_idx').on('search_terms').columns(['record_id', 'kind', 'term', 'field']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_terms_record_idx').execute();
  await db.schema.createIndex('search_terms_record_idx').on('search_terms').columns(['record_id', 'kind']).execute();
  await db.schema.alterTable('search_records').dropColumn('title_key').execute();
  await db.schema.alterTable('search_records').dropColumn('updated_at').execute();
}
