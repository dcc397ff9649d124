import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType } from './helpers.js';

/**
 * Staff notifications: the notices of each person's bell (a new urgent Today item, a client's
 * message, an assignment), each person's choices (per kind in the app and in the digest, the
 * digest hour and time zone), and one row per person and day a morning digest was taken on,
 * so two instances never send two.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('staff_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', notNull)
    // What it is about, stable: a Today item's key, `task:<id>`; one notice per person and key.
    .addColumn('key', 'text', notNull)
    .addColumn('account_id', 'text')
    .addColumn('account_name', 'text')
    .addColumn('path', 'text', notNull)
    .addColumn('code', 'text', notNull)
    .addColumn('params', 'text', notNull) // JSON: the message's parameters, worded when read
    .addColumn('created_at', ts, notNull)
    .addColumn('read_at', ts)
    .addUniqueConstraint('staff_notices_user_key_unique', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('staff_notices_user_created_idx').on('staff_notices').columns(['user_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('staff_notices_user_unread_idx').on('staff_notices').columns(['user_id', 'read_at']).execute();

  await db.schema
    .createTable('staff_notification_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('in_app_off', 'text', notNull) // JSON: kinds turned off in the bell
    .addColumn('digest_off', 'text', notNull) // JSON: kinds turned off in the digest
    .addColumn('digest_hour', 'integer', notNull)
    .addColumn('time_zone', 'text') // null: the agency's
    .addColumn('updated_at', ts, notNull)
    .execute();

  await db.schema
    .createTable('staff_digests')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', dateType(db), notNull)
    .addColumn('taken_at', ts, notNull)
    .addColumn('items', 'integer', notNull)
    .addPrimaryKeyConstraint('staff_digests_pk', ['user_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('staff_digests').execute();
  await db.schema.dropTable('staff_notification_settings').execute();
  await db.schema.dropTable('staff_notices').execute();
}
