import type { Kysely } from 'kysely';
import { dateType, isPostgres, notNull, timestampType, versionedTable } from './helpers.js';

const index = (db: Kysely<any>, name: string, table: string, columns: string[]) =>
  db.schema.createIndex(name).on(table).columns(columns).execute();

/**
 * Paperwork: documents of an account (contracts, acts, status reports, proposals), their
 * priced lines, the frozen versions of what was sent (content and PDF bytes with their
 * SHA-256; a signed copy is appended as a later version), and each document's history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);
  await versionedTable(db, 'documents')
    .addColumn('kind', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('number', 'text')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('language', 'text', notNull)
    .addColumn('title', 'text')
    .addColumn('issue_date', date)
    .addColumn('period_from', date)
    .addColumn('period_to', date)
    .addColumn('currency', 'text', notNull)
    .addColumn('subtotal_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('tax_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('total_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sent_at', ts)
    .addColumn('sent_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('cancelled_at', ts)
    .addColumn('cancelled_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('cancel_reason', 'text')
    .addColumn('signed_at', ts)
    .addColumn('declined_at', ts)
    .addColumn('decline_reason', 'text')
    // numbers repeat only if an admin changes a format to one that repeats earlier numbers
    .addUniqueConstraint('documents_number_unique', ['kind', 'number'])
    .execute();
  await index(db, 'documents_created_idx', 'documents', ['created_at', 'id']);
  await index(db, 'documents_account_created_idx', 'documents', ['account_id', 'created_at', 'id']);
  await index(db, 'documents_issue_idx', 'documents', ['issue_date', 'id']);
  await index(db, 'documents_project_idx', 'documents', ['project_id']);

  await db.schema
    .createTable('document_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('quantity_milli', 'bigint', notNull)
    .addColumn('unit_price_minor', 'bigint', notNull)
    .addColumn('tax_basis_points', 'integer', notNull)
    .addColumn('net_minor', 'bigint', notNull)
    .addColumn('tax_minor', 'bigint', notNull)
    .addColumn('total_minor', 'bigint', notNull)
    .execute();
  await index(db, 'document_lines_document_idx', 'document_lines', ['document_id', 'position']);

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('seq', 'integer', notNull)
    .addColumn('purpose', 'text', notNull)
    .addColumn('content', 'text', notNull)
    .addColumn('pdf', isPostgres(db) ? 'bytea' : 'blob')
    .addColumn('sha256', 'text')
    .addColumn('byte_size', 'integer')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, notNull)
    .addUniqueConstraint('document_versions_seq_unique', ['document_id', 'seq'])
    .execute();

  await db.schema
    .createTable('document_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('at', ts, notNull)
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('email_id', 'text', (c) => c.references('email_outbox.id').onDelete('set null'))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await index(db, 'document_events_document_idx', 'document_events', ['document_id', 'at', 'id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['document_events', 'document_versions', 'document_lines', 'documents']) await db.schema.dropTable(t).execute();
}
