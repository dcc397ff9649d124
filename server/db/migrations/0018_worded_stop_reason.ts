import type { Kysely } from 'kysely';

/**
 * Work stopped by the follow-up policy keeps the code and figures of its reason, so each reader
 * sees it in their own language; `stop_work_reason` stays as the English words (or finance's own).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('stop_work_wording', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('stop_work_wording').execute();
}
