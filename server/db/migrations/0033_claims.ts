import type { Kysely } from 'kysely';
import { notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Claims: a client's complaints with their deadlines, root cause and closing; the specialists
 * and projects involved (internal); and each missed deadline, once, with whom it alerted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'claims')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('category', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('respond_by', ts, notNull)
    .addColumn('resolve_by', ts, notNull)
    .addColumn('responded_at', ts)
    .addColumn('resolved_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('closed_how', 'text')
    .addColumn('root_cause', 'text')
    .addColumn('root_cause_note', 'text')
    .addColumn('resolution', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_text', 'text', notNull)
    .execute();
  // Lists newest first: all, per account, per status; the deadline job's open claims by deadline.
  await db.schema.createIndex('claims_created_idx').on('claims').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('claims_account_idx').on('claims').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('claims_status_idx').on('claims').columns(['status', 'created_at', 'id']).execute();
  await db.schema.createIndex('claims_project_idx').on('claims').columns(['project_id']).execute();
  await db.schema.createIndex('claims_respond_idx').on('claims').columns(['responded_at', 'respond_by']).execute();
  await db.schema.createIndex('claims_resolve_idx').on('claims').columns(['resolved_at', 'resolve_by']).execute();

  await db.schema
    .createTable('claim_links')
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('ref_id', 'text', notNull)
    .addPrimaryKeyConstraint('claim_links_pk', ['claim_id', 'kind', 'ref_id'])
    .execute();
  await db.schema.createIndex('claim_links_ref_idx').on('claim_links').columns(['kind', 'ref_id']).execute();

  await db.schema
    .createTable('claim_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('deadline', 'text', notNull)
    .addColumn('due_at', ts, notNull)
    .addColumn('recorded_at', ts, notNull)
    .addColumn('alerted', 'integer', notNull)
    .addUniqueConstraint('claim_breaches_once', ['claim_id', 'deadline'])
    .execute();
  await db.schema.createIndex('claim_breaches_at_idx').on('claim_breaches').columns(['recorded_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('claim_breaches').execute();
  await db.schema.dropTable('claim_links').execute();
  await db.schema.dropTable('claims').execute();
}
