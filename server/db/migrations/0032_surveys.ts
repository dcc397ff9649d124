import type { Kysely } from 'kysely';
import { notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Satisfaction surveys (NPS and CSAT) sent to an account's contacts with a single-use link, and
 * when each contact was last asked (the throttle).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'surveys')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('trigger', 'text', notNull)
    .addColumn('language', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('sent_at', ts, notNull)
    .addColumn('expires_at', ts, notNull)
    .addColumn('score', 'integer')
    .addColumn('comment', 'text')
    .addColumn('answered_at', ts)
    .addColumn('sent_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('milestone_id', 'text')
    .addColumn('email_id', 'text')
    .execute();
  // Lists: newest first, agency-wide, by account, by project, and a contact's own (the portal).
  await db.schema.createIndex('surveys_sent_idx').on('surveys').columns(['sent_at', 'id']).execute();
  await db.schema.createIndex('surveys_account_idx').on('surveys').columns(['account_id', 'sent_at', 'id']).execute();
  await db.schema.createIndex('surveys_project_idx').on('surveys').columns(['project_id', 'sent_at', 'id']).execute();
  await db.schema.createIndex('surveys_contact_idx').on('surveys').columns(['contact_id', 'sent_at', 'id']).execute();
  // Answers by date, for the satisfaction reports.
  await db.schema.createIndex('surveys_answered_idx').on('surveys').columns(['answered_at', 'kind']).execute();

  await db.schema
    .createTable('survey_contacts')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('last_asked_at', ts, notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_contacts').execute();
  await db.schema.dropTable('surveys').execute();
}
