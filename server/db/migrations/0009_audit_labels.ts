import type { Kysely } from 'kysely';

/**
 * Each audit entry keeps the record's name as it was (so a deleted account still reads as
 * "Acme Ltd", not an id) and the context its values need to be read: the currency of its
 * amounts and the account and project it belongs to, as JSON.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('record_label', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('context', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('context').execute();
  await db.schema.alterTable('audit_log').dropColumn('record_label').execute();
}
