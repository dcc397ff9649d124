import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType } from './helpers.js';

/**
 * Notifications to clients ("something awaits you in the portal"): what each contact reads
 * about (all kinds unless muted), the token of their one-click unsubscribe link and the day
 * their last digest went; the items waiting for their next digest; and the headers of an
 * outgoing email (List-Unsubscribe).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('contact_notification_settings')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('muted_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('last_digest_on', dateType(db))
    .addColumn('updated_at', ts, notNull)
    .execute();

  await db.schema
    .createTable('client_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    .addColumn('subject_id', 'text', notNull)
    .addColumn('path', 'text', notNull)
    .addColumn('params', 'text', notNull)
    .addColumn('created_at', ts, notNull)
    .addColumn('email_id', 'text', (c) => c.references('email_outbox.id').onDelete('set null'))
    .addColumn('sent_at', ts)
    .execute();
  // The digest job looks for contacts with waiting items; a contact's items are read together.
  await db.schema
    .createIndex('client_notifications_waiting_idx')
    .on('client_notifications')
    .columns(['sent_at', 'contact_id', 'created_at'])
    .execute();

  await db.schema.alterTable('email_outbox').addColumn('headers', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('email_outbox').dropColumn('headers').execute();
  await db.schema.dropTable('client_notifications').execute();
  await db.schema.dropTable('contact_notification_settings').execute();
}
