import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

/** Who looks after a word's account: a manager's search walks the words of their accounts alone. */
const OWNERS = ['owner_id', 'backup_owner_id'] as const;

/**
 * Each word of the search index carries its record's account, and that account's owner and
 * backup owner. A manager's search then walks only the words of the accounts they own or back
 * up (an index per column, led by it), as short a walk as an administrator's over every word,
 * instead of checking every word of the range against what they may read. The account lets a
 * change of owner reach its records' words (and serves as the final access check); the walks
 * read the record, kind, field and account off their index, not the table; PostgreSQL's primary
 * key gains the field and account as included columns too (rebuilt in place: writes to the index
 * wait meanwhile).
 *
 * The columns are nullable and filled by the search job, not here (docs/migrations.md, rule 3):
 * its cursors start again, so it reads every record once and rewrites the words that have no
 * account yet. Until then such words are checked record by record, as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const column of ['account_id', ...OWNERS]) await db.schema.alterTable('search_terms').addColumn(column, 'text').execute();
  const pg = isPostgres(db);
  const covering = (lead: string[]) =>
    pg
      ? sql`(${sql.join([...lead, 'term', 'kind', 'record_id'].map((c) => sql.ref(c)))}) include (field, account_id)`
      : sql`(${sql.join([...lead, 'term', 'kind', 'record_id', 'field', 'account_id'].map((c) => sql.ref(c)))})`;
  // PostgreSQL's key takes the included columns at no cost of its own; on SQLite a covering copy
  // of it would be one more index for every word written.
  if (pg) {
    await sql`alter table search_terms drop constraint search_terms_pk, add constraint search_terms_pk primary key ${covering([])}`.execute(
      db,
    );
  }
  for (const column of OWNERS) {
    await sql`create index ${sql.ref(`search_terms_${column}_idx`)} on search_terms ${covering([column])}
      where ${sql.ref(column)} is not null`.execute(db);
  }
  await db.schema.createIndex('search_terms_account_idx').on('search_terms').column('account_id').execute();
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
  for (const index of ['search_terms_unplaced_idx', 'search_terms_account_idx', ...OWNERS.map((c) => `search_terms_${c}_idx`)]) {
    await db.schema.dropIndex(index).execute();
  }
  if (isPostgres(db)) {
    await sql`alter table search_terms drop constraint search_terms_pk,
      add constraint search_terms_pk primary key (term, kind, record_id)`.execute(db);
  }
  for (const column of [...OWNERS, 'account_id']) await db.schema.alterTable('search_terms').dropColumn(column).execute();
}
