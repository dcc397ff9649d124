import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * Links sent by email that let a person in: invitations of contacts to the client portal
 * (valid 7 days) and password resets (valid an hour). Each is single-use and kept only as the
 * SHA-256 of its token, so a copy of the database opens nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('portal_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('email', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', ts, notNull)
    .addColumn('expires_at', ts, notNull)
    .addColumn('accepted_at', ts)
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ended_at', ts)
    .addColumn('ended_reason', 'text')
    .addColumn('email_id', 'text', (c) => c.references('email_outbox.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('portal_invitations_contact_idx').on('portal_invitations').columns(['contact_id', 'created_at']).execute();

  await db.schema
    .createTable('password_reset_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, notNull)
    .addColumn('expires_at', ts, notNull)
    .addColumn('used_at', ts)
    .execute();
  await db.schema.createIndex('password_reset_tokens_user_idx').on('password_reset_tokens').column('user_id').execute();
  await db.schema.createIndex('password_reset_tokens_expiry_idx').on('password_reset_tokens').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('password_reset_tokens').execute();
  await db.schema.dropTable('portal_invitations').execute();
}
