import type { Kysely } from 'kysely';
import { isPostgres, notNull, timestampType } from './helpers.js';

/**
 * Imports of spreadsheets: each upload (who, when, the file's SHA-256, how it is read, where
 * its background run got to), the file itself in chunks (so no step holds it whole), and one
 * row per record an import created or changed, with the values it replaced, for undo.
 * Matching imported contacts to existing ones needs contacts by email (accounts by name have an index).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, notNull)
    .addColumn('updated_at', ts, notNull)
    .addColumn('file_name', 'text', notNull)
    .addColumn('file_sha256', 'text', notNull)
    .addColumn('file_size', 'bigint', notNull)
    .addColumn('format', 'text', notNull)
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('sheet', 'text')
    .addColumn('mapping', 'text', notNull) // JSON: a field or null per column
    .addColumn('duplicate_policy', 'text', notNull)
    .addColumn('invalid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('duplicate_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer', (c) => c.notNull().defaultTo(0))
    // The checkpoint: data rows saved so far, advanced in the transaction of each chunk.
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued_at', ts)
    .addColumn('finished_at', ts)
    .addColumn('undone_at', ts)
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('imports_pending_idx').on('imports').columns(['status', 'queued_at', 'id']).execute();

  await db.schema
    .createTable('import_file_chunks')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('data', isPostgres(db) ? 'bytea' : 'blob', notNull)
    .addPrimaryKeyConstraint('import_file_chunks_pk', ['import_id', 'seq'])
    .execute();

  await db.schema
    .createTable('import_records')
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('table_name', 'text', notNull)
    .addColumn('record_id', 'text', notNull)
    .addColumn('action', 'text', notNull) // created | updated
    .addColumn('prior', 'text') // JSON of the columns an update replaced
    .addColumn('version_after', 'integer', notNull)
    .addPrimaryKeyConstraint('import_records_pk', ['import_id', 'table_name', 'record_id'])
    .execute();

  await db.schema.createIndex('contacts_email_idx').on('contacts').column('email').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contacts_email_idx').execute();
  await db.schema.dropTable('import_records').execute();
  await db.schema.dropTable('import_file_chunks').execute();
  await db.schema.dropTable('imports').execute();
}
