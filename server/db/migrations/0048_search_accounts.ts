import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/**
 * Each word of the search index carries its record's account, so a manager's search checks the
 * account of each word it walks against the few accounts they read, instead of gathering every
 * record they may read of each kind first. The walk reads the word, kind, record, field and
 * account off one index, not the table: PostgreSQL's primary key gains them as included
 * columns (rebuilt in place: writes to the index wait meanwhile), SQLite gets a covering index.
 *
 * The column is nullable and filled by the search job, not here (docs/migrations.md, rule 3):
 * its cursors start again, so it reads every record once and rewrites the words that have no
 * account yet. Until then such words are checked record by record, as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_terms').addColumn('account_id', 'text').execute();
  if (isPostgres(db)) {
    await sql`alter table search_terms drop constraint search_terms_pk,
      add constraint search_terms_pk primary key (term, kind, record_id) include (field, account_id)`.execute(db);
  } else {
    await db.schema
      .createIndex('search_terms_walk_idx')
      .on('search_terms')
      .columns(['term', 'kind', 'record_id', 'field', 'account_id'])
      .execute();
  }
  // Small once the words are rewritten: search asks it whether any are left.
  await db.schema
    .createIndex('search_terms_unplaced_idx')
    .on('search_terms')
    .columns(['kind', 'record_id'])
    .where(sql.ref('account_id'), 'is', null)
    .execute();
  await db.deleteFrom('search_cursors').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('search_terms_unplaced_idx').execute();
  if (isPostgres(db)) {
    await sql`alter table search_terms drop constraint search_terms_pk,
      add constraint search_terms_pk primary key (term, kind, record_id)`.execute(db);
  } else {
    await db.schema.dropIndex('search_terms_walk_idx').execute();
  }
  await db.schema.alterTable('search_terms').dropColumn('account_id').execute();
}
