import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * What the client portal needs: a user's work phone (a client sees their account manager's),
 * and when each client user first downloaded an invoice, so the manager reads it once on the
 * timeline however often the file is opened again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  await db.schema
    .createTable('invoice_downloads')
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_at', timestampType(db), notNull)
    .addPrimaryKeyConstraint('invoice_downloads_pk', ['invoice_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invoice_downloads').execute();
  await db.schema.alterTable('users').dropColumn('phone').execute();
}
