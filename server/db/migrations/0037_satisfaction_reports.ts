import type { Kysely } from 'kysely';

/**
 * The cooperation analysis: answers of one kind by date with their scores (the NPS and CSAT
 * aggregates read the index alone), and milestones by due date (late deliveries in a period).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('surveys_kind_answered_idx').on('surveys').columns(['kind', 'answered_at', 'score', 'account_id']).execute();
  await db.schema.createIndex('milestones_due_idx').on('milestones').columns(['due_date', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('milestones_due_idx').execute();
  await db.schema.dropIndex('surveys_kind_answered_idx').execute();
}
