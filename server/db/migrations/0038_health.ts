import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType } from './helpers.js';

/**
 * Account health: one snapshot per account and agency day (the score, its grade and the
 * components with their facts), written by the nightly job; and, on each account, the latest
 * score and grade, so the accounts list shows the grade and sorts by score through an index.
 * An account without a score holds -1 (never shown: the API answers null), which keeps the
 * sort column non-null and the same on both databases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('health_snapshots')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('day', dateType(db), notNull)
    .addColumn('score', 'integer')
    .addColumn('grade', 'text')
    .addColumn('components', 'text', notNull) // JSON: the components with their facts as message codes
    .addColumn('created_at', timestampType(db), notNull)
    .addPrimaryKeyConstraint('health_snapshots_pk', ['account_id', 'day'])
    .execute();
  await db.schema.createIndex('health_snapshots_day_idx').on('health_snapshots').columns(['day', 'account_id']).execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('health_score', 'integer', (c) => c.notNull().defaultTo(-1))
    .execute();
  await db.schema.alterTable('accounts').addColumn('health_grade', 'text').execute();
  await db.schema.createIndex('accounts_health_idx').on('accounts').columns(['health_score', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('accounts_health_idx').execute();
  await db.schema.alterTable('accounts').dropColumn('health_grade').execute();
  await db.schema.alterTable('accounts').dropColumn('health_score').execute();
  await db.schema.dropTable('health_snapshots').execute();
}
