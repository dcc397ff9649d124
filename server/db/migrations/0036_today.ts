import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType } from './helpers.js';

/**
 * Today: what each person did with an item of their agenda (snoozed until a day, done,
 * dismissed with a reason), by the item's key. Items are computed on every read; these marks
 * survive that, and an item whose key changes (a new overdue level) comes back.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agenda_marks')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('item_key', 'text', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('until', dateType(db))
    .addColumn('reason', 'text')
    .addColumn('marked_at', timestampType(db), notNull)
    .addPrimaryKeyConstraint('agenda_marks_pk', ['user_id', 'item_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agenda_marks').execute();
}
