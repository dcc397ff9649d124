import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * Calendar feeds: a secret address per person (and per person and account, for an account's
 * feed) serving their dates as iCalendar. The secret is kept so its owner can read the address
 * again (a calendar subscription is set up more than once), and found by its SHA-256; a
 * regenerated or revoked feed keeps its row with `revoked_at`, and its address answers 404.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade')) // null: the person's own feed
    .addColumn('token', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, notNull)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('calendar_feeds_user_idx').on('calendar_feeds').columns(['user_id', 'account_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
