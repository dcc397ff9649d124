import type { Kysely } from 'kysely';

/** A user's work phone: the portal shows a client how to reach their account manager. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('phone').execute();
}
