import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Deals: sales to an account moving through the pipeline's stages, each with a next step while
 * open, and the history of their moves (the opening included) for cycle length and win rate.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'deals')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('title', 'text', notNull)
    .addColumn('amount', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('stage', 'text', notNull)
    .addColumn('probability', 'integer', notNull)
    .addColumn('expected_close_date', dateType(db), notNull)
    .addColumn('next_step', 'text')
    .addColumn('next_step_due', dateType(db))
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('lost_reason', 'text')
    .addColumn('close_note', 'text')
    .addColumn('closed_at', ts)
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // An account's deals, and a manager's, by expected close date.
  await db.schema.createIndex('deals_account_idx').on('deals').columns(['account_id', 'expected_close_date', 'id']).execute();
  await db.schema.createIndex('deals_owner_idx').on('deals').columns(['owner_id', 'expected_close_date', 'id']).execute();
  await db.schema.createIndex('deals_close_idx').on('deals').columns(['expected_close_date', 'id']).execute();

  await db.schema
    .createTable('deal_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', notNull)
    .addColumn('at', ts, notNull)
    .addColumn('by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('lost_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('proposal_id', 'text')
    .execute();
  await db.schema.createIndex('deal_stage_changes_deal_idx').on('deal_stage_changes').columns(['deal_id', 'at', 'id']).execute();
  await db.schema.createIndex('deal_stage_changes_at_idx').on('deal_stage_changes').columns(['at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deal_stage_changes').execute();
  await db.schema.dropTable('deals').execute();
}
