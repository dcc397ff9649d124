import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * Requests: the messages a client company's people and the agency write to each other, one
 * thread per company, each message possibly about one of its projects. A message outlives its
 * project (it stays in the company's thread) and its author's user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('client_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.references('projects.id').onDelete('set null'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('from_client', 'integer', notNull)
    .addColumn('body', 'text', notNull)
    .addColumn('created_at', timestampType(db), notNull)
    .execute();
  // The thread is read newest first, of a company or of one of its projects.
  await db.schema.createIndex('client_messages_account_idx').on('client_messages').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('client_messages_project_idx').on('client_messages').columns(['project_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('client_messages').execute();
}
