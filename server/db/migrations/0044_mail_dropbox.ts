import { sql, type Kysely } from 'kysely';
import { isPostgres, notNull, timestampType } from './helpers.js';

/**
 * The email dropbox: a BCC address per manager and per account (an unguessable token), the
 * mail received at them (logged on an account's timeline, or waiting unmatched to be filed by
 * hand), and its attachments' bytes. A message is kept once per Message-ID.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('dropbox_addresses')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.unique().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.unique().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', ts, notNull)
    .execute();

  await db.schema
    .createTable('inbound_emails')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    // Whose dropbox it came to: sees it while unmatched (admins see all).
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', notNull) // logged | unmatched | discarded
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('direction', 'text', notNull) // in | out: out when a staff member sent it
    .addColumn('from_address', 'text', notNull)
    .addColumn('from_name', 'text')
    .addColumn('recipients', 'text', notNull) // JSON: the To and Cc addresses
    .addColumn('subject', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('sent_at', ts, notNull)
    .addColumn('received_at', ts, notNull)
    .execute();
  await db.schema.createIndex('inbound_emails_status_idx').on('inbound_emails').columns(['status', 'owner_id', 'received_at']).execute();
  await db.schema.createIndex('inbound_emails_interaction_idx').on('inbound_emails').column('interaction_id').execute();

  await db.schema
    .createTable('inbound_email_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email_id', 'text', (c) => c.notNull().references('inbound_emails.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('filename', 'text', notNull)
    .addColumn('content_type', 'text', notNull)
    .addColumn('size', 'integer', notNull)
    .addColumn('content', isPostgres(db) ? 'bytea' : 'blob', notNull)
    .execute();
  await db.schema
    .createIndex('inbound_email_attachments_email_idx')
    .on('inbound_email_attachments')
    .columns(['email_id', 'position'])
    .execute();

  // Senders and recipients are matched to contacts by address, whatever its case.
  await db.schema
    .createIndex('contacts_email_lower_idx')
    .on('contacts')
    .expression(sql`lower(email)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('contacts_email_lower_idx').execute();
  await db.schema.dropTable('inbound_email_attachments').execute();
  await db.schema.dropTable('inbound_emails').execute();
  await db.schema.dropTable('dropbox_addresses').execute();
}
