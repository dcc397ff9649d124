import type { Kysely } from 'kysely';

/**
 * Deals by stage: an open stage's by expected close date (the forecast, a board column) and
 * closed ones by when they closed (win rate, cycle length, lost reasons in a period; the board's
 * won and lost columns).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('deals_stage_close_idx').on('deals').columns(['stage', 'expected_close_date', 'id']).execute();
  await db.schema.createIndex('deals_stage_closed_at_idx').on('deals').columns(['stage', 'closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_stage_closed_at_idx').execute();
  await db.schema.dropIndex('deals_stage_close_idx').execute();
}
