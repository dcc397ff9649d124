import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * When the client sends a project's brief as complete: answers are saved as drafts until then
 * (the manager reads them as they come), and the submission is the client's "this is it".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('brief_submissions')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('submitted_at', timestampType(db), notNull)
    .addColumn('submitted_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('brief_submissions').execute();
}
