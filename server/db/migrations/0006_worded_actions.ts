import type { Kysely } from 'kysely';

/**
 * Follow-up calls and alerts keep the code and figures of their title and detail, so each
 * reader sees them in their own language; `title` and `detail` stay as the English words.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('billing_actions').addColumn('wording', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('billing_actions').dropColumn('wording').execute();
}
