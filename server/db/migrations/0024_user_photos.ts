import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/** A user's photo (PNG or JPEG, checked on upload): the portal shows the client their manager's face. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_photos')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('content_type', 'text', notNull)
    .addColumn('base64', 'text', notNull)
    .addColumn('sha256', 'text', notNull)
    .addColumn('updated_at', timestampType(db), notNull)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('user_photos').execute();
}
