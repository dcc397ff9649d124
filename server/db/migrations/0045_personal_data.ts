import type { Kysely } from 'kysely';
import { timestampType } from './helpers.js';

/**
 * Personal-data requests: how many years each account's interactions are kept when it differs
 * from the agency's setting, and which contacts were erased (ids and times only, never values).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('account_retention')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    // Null: this account's interactions are kept for good, whatever the agency's setting.
    .addColumn('interaction_years', 'integer')
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('contact_erasures')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('erased_at', ts, (c) => c.notNull())
    .addColumn('erased_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contact_erasures').execute();
  await db.schema.dropTable('account_retention').execute();
}
