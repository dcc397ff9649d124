import type { Kysely } from 'kysely';
import { notNull, versionedTable } from './helpers.js';

/** Objections clients raise on deals, with the answers given: the playbook ranks the answers by the deals' outcomes. */
export async function up(db: Kysely<any>): Promise<void> {
  await versionedTable(db, 'objections')
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('interaction_id', 'text', (c) => c.references('interactions.id').onDelete('set null'))
    .addColumn('category', 'text', notNull)
    .addColumn('text', 'text', notNull)
    .addColumn('response', 'text')
    .addColumn('answer_key', 'text')
    .addColumn('result', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // The lists (all, by deal, by account, by category), newest first.
  await db.schema.createIndex('objections_created_idx').on('objections').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('objections_deal_idx').on('objections').columns(['deal_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('objections_account_idx').on('objections').columns(['account_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('objections_category_idx').on('objections').columns(['category', 'created_at', 'id']).execute();
  // The playbook: a category's answers grouped.
  await db.schema.createIndex('objections_answer_idx').on('objections').columns(['category', 'answer_key', 'deal_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('objections').execute();
}
