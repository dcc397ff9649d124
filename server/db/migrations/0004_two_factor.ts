import type { Kysely } from 'kysely';
import { notNull, timestampType } from './helpers.js';

/**
 * Two-factor sign-in: each staff user's TOTP secret (pending until confirmed with a code),
 * their single-use recovery codes (hashed), and sign-ins waiting for the second factor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);

  await db.schema
    .createTable('two_factor_credentials')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', notNull)
    .addColumn('created_at', ts, notNull)
    // null while enrolment waits for the first code; set, two-factor sign-in is on.
    .addColumn('confirmed_at', ts)
    // The TOTP time step last accepted: a code is never accepted twice.
    .addColumn('last_time_step', 'bigint')
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', notNull)
    .addColumn('created_at', ts, notNull)
    .addColumn('used_at', ts)
    .execute();
  await db.schema
    .createIndex('two_factor_recovery_codes_user_idx')
    .on('two_factor_recovery_codes')
    .columns(['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha-256 of the cookie value
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, notNull)
    .addColumn('expires_at', ts, notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('login_challenges_expiry_idx').on('login_challenges').column('expires_at').execute();
  await db.schema.createIndex('login_challenges_user_idx').on('login_challenges').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['login_challenges', 'two_factor_recovery_codes', 'two_factor_credentials']) {
    await db.schema.dropTable(t).execute();
  }
}
