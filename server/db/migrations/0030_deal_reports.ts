import type { Kysely } from 'kysely';

/**
 * The sales report's indexes: open deals by stage and expected close date (the forecast), and
 * closed ones by stage and closing time (win rate, cycle length, lost reasons in a period).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('deals_stage_close_idx').on('deals').columns(['stage', 'expected_close_date']).execute();
  await db.schema.createIndex('deals_stage_closed_at_idx').on('deals').columns(['stage', 'closed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('deals_stage_closed_at_idx').execute();
  await db.schema.dropIndex('deals_stage_close_idx').execute();
}
