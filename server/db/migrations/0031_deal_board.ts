import type { Kysely } from 'kysely';

/**
 * The pipeline board reads each stage's deals on their own: an open stage's by expected close
 * date, and the won and lost columns by when they closed (the recent ones only).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('deals_stage_close_idx').on('deals').columns(['stage', 'expected_close_date', 'id']).execute();
  await db.schema.createIndex('deals_stage_closed_idx').on('deals').columns(['stage', 'closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_stage_closed_idx').execute();
  await db.schema.dropIndex('deals_stage_close_idx').execute();
}
