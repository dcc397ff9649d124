import type { Kysely } from 'kysely';

/**
 * The cooperation analysis: answers of one kind by date with their scores (the NPS, CSAT and
 * low-answer aggregates read the index alone), milestones by due date (late deliveries in a
 * period), and invoices by status and due date (those paid late in a period).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('surveys_kind_answered_idx')
    .on('surveys')
    .columns(['kind', 'answered_at', 'score', 'account_id', 'project_id'])
    .execute();
  await db.schema.createIndex('milestones_due_idx').on('milestones').columns(['due_date', 'id']).execute();
  await db.schema.createIndex('invoices_status_due_idx').on('invoices').columns(['status', 'due_date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_status_due_idx').execute();
  await db.schema.dropIndex('milestones_due_idx').execute();
  await db.schema.dropIndex('surveys_kind_answered_idx').execute();
}
