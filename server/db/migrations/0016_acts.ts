import { sql, type Kysely } from 'kysely';
import { dateType, isPostgres, notNull } from './helpers.js';

/**
 * Acts of completed work from delivered work, the client's signature, and the invoice made
 * from a signed act:
 * - a project says what its acts are priced by (hours by role × rate, or the milestones' fixed prices);
 * - milestones get a fixed price, and milestones and tasks the day (agency's time zone) they were
 *   done, so an act for a period finds what was delivered in it (rows done before this migration
 *   count as done on the day they were last changed);
 * - `act_sources` says which tasks and milestones an act was made from, so the same work is not
 *   put on a second act while the first stands;
 * - a document records who signed or declined it, when, from which address, and how (in the
 *   portal, or a paper copy recorded by the manager);
 * - an invoice may be made from a document: at most one that is not void per document.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const date = dateType(db);
  const dayOf = isPostgres(db) ? sql`cast(updated_at as date)` : sql`substr(updated_at, 1, 10)`;

  await db.schema
    .alterTable('projects')
    .addColumn('act_basis', 'text', (c) => c.notNull().defaultTo('hours'))
    .execute();

  await db.schema.alterTable('milestones').addColumn('price_minor', 'bigint').execute();
  await db.schema.alterTable('milestones').addColumn('done_on', date).execute();
  await db.schema.alterTable('tasks').addColumn('done_on', date).execute();
  for (const table of ['milestones', 'tasks']) {
    await db.updateTable(table).set({ done_on: dayOf }).where('status', '=', 'done').execute();
  }
  await db.schema.createIndex('milestones_done_idx').on('milestones').columns(['project_id', 'done_on']).execute();
  await db.schema.createIndex('tasks_done_idx').on('tasks').columns(['project_id', 'done_on']).execute();

  await db.schema
    .createTable('act_sources')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('source_kind', 'text', notNull)
    .addColumn('source_id', 'text', notNull)
    .addPrimaryKeyConstraint('act_sources_pk', ['document_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema.createIndex('act_sources_source_idx').on('act_sources').columns(['source_kind', 'source_id']).execute();

  await db.schema
    .alterTable('documents')
    .addColumn('signed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('documents').addColumn('signer_name', 'text').execute();
  await db.schema.alterTable('documents').addColumn('signer_ip', 'text').execute();
  await db.schema.alterTable('documents').addColumn('signed_via', 'text').execute();
  await db.schema
    .alterTable('documents')
    .addColumn('declined_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('documents').addColumn('decliner_ip', 'text').execute();
  await db.schema.createIndex('documents_account_kind_idx').on('documents').columns(['account_id', 'kind', 'period_from']).execute();

  await db.schema
    .alterTable('invoices')
    .addColumn('source_document_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .execute();
  // One live invoice per document, however many requests race: a voided one makes room for a new one.
  await db.schema
    .createIndex('invoices_source_document_unique')
    .on('invoices')
    .column('source_document_id')
    .unique()
    .where(sql<boolean>`source_document_id is not null and status <> 'void'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_source_document_unique').execute();
  await db.schema.alterTable('invoices').dropColumn('source_document_id').execute();
  await db.schema.dropIndex('documents_account_kind_idx').execute();
  for (const c of ['decliner_ip', 'declined_by', 'signed_via', 'signer_ip', 'signer_name', 'signed_by']) {
    await db.schema.alterTable('documents').dropColumn(c).execute();
  }
  await db.schema.dropTable('act_sources').execute();
  await db.schema.dropIndex('tasks_done_idx').execute();
  await db.schema.dropIndex('milestones_done_idx').execute();
  await db.schema.alterTable('tasks').dropColumn('done_on').execute();
  for (const c of ['done_on', 'price_minor']) await db.schema.alterTable('milestones').dropColumn(c).execute();
  await db.schema.alterTable('projects').dropColumn('act_basis').execute();
}
