import { sql, type Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * Brief questionnaires per language: a template is kept per kind of work and language, so a
 * project starts with the questions in its account's language. The table is rebuilt because
 * SQLite cannot change a primary key; the templates stored so far were English.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brief_templates_by_language')
    .addColumn('kind', 'text', notNull)
    .addColumn('language', 'text', notNull)
    .addColumn('questions', 'text', notNull)
    .addColumn('updated_at', timestampType(db), notNull)
    .addPrimaryKeyConstraint('brief_templates_kind_language_pk', ['kind', 'language'])
    .execute();
  await sql`
    insert into brief_templates_by_language (kind, language, questions, updated_at)
    select kind, 'en', questions, updated_at from brief_templates`.execute(db);
  await db.schema.dropTable('brief_templates').execute();
  await db.schema.alterTable('brief_templates_by_language').renameTo('brief_templates').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brief_templates_single_language')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('questions', 'text', notNull)
    .addColumn('updated_at', timestampType(db), notNull)
    .execute();
  await sql`
    insert into brief_templates_single_language (kind, questions, updated_at)
    select kind, questions, updated_at from brief_templates where language = 'en'`.execute(db);
  await db.schema.dropTable('brief_templates').execute();
  await db.schema.alterTable('brief_templates_single_language').renameTo('brief_templates').execute();
}
