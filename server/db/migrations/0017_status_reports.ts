import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType } from './helpers.js';

/**
 * Contracts' renewal and status reports. A contract keeps its term in the document's period
 * (from → to) and gains its renewal terms and the contract it renews; each renewal reminder is
 * a row unique per contract and number of days before its end. A project's report schedule
 * gains its day and hour and whether its budget is shown to the client; a contact may receive
 * reports, in a language of its own. Each scheduled report is a row unique per project and
 * period, the proof that a period was reported once across instances. A report lists the
 * tasks done in its period by the day they were done (`tasks.done_on`, migration 0016).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);
  await db.schema.alterTable('documents').addColumn('renewal', 'text').execute();
  await db.schema.alterTable('documents').addColumn('renewal_terms', 'text').execute();
  await db.schema
    .alterTable('documents')
    .addColumn('renews_id', 'text', (c) => c.references('documents.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('documents').addColumn('report', 'text').execute();
  await db.schema.createIndex('documents_kind_end_idx').on('documents').columns(['kind', 'period_to', 'id']).execute();
  await db.schema.createIndex('documents_renews_idx').on('documents').column('renews_id').execute();

  await db.schema
    .alterTable('projects')
    .addColumn('report_day', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('projects')
    .addColumn('report_hour', 'integer', (c) => c.notNull().defaultTo(9))
    .execute();
  await db.schema
    .alterTable('projects')
    .addColumn('share_budget', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .alterTable('contacts')
    .addColumn('receives_reports', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('contacts').addColumn('language', 'text').execute();

  await db.schema
    .createTable('status_report_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('period_from', date, notNull)
    .addColumn('period_to', date, notNull)
    .addColumn('outcome', 'text', notNull) // sent | skipped
    .addColumn('reason', 'text') // a message code when skipped
    .addColumn('document_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', ts, notNull)
    .addUniqueConstraint('status_report_runs_period_unique', ['project_id', 'period_from', 'period_to'])
    .execute();

  await db.schema
    .createTable('contract_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('days_before', 'integer', notNull)
    .addColumn('ends_on', date, notNull)
    .addColumn('email_id', 'text', (c) => c.references('email_outbox.id').onDelete('set null'))
    .addColumn('created_at', ts, notNull)
    .addUniqueConstraint('contract_reminders_once', ['document_id', 'days_before'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_reminders').execute();
  await db.schema.dropTable('status_report_runs').execute();
  for (const c of ['receives_reports', 'language']) await db.schema.alterTable('contacts').dropColumn(c).execute();
  for (const c of ['report_day', 'report_hour', 'share_budget']) await db.schema.alterTable('projects').dropColumn(c).execute();
  await db.schema.dropIndex('documents_renews_idx').execute();
  await db.schema.dropIndex('documents_kind_end_idx').execute();
  for (const c of ['renewal', 'renewal_terms', 'renews_id', 'report']) await db.schema.alterTable('documents').dropColumn(c).execute();
}
