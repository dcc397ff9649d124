import type { Kysely } from 'kysely';
import { dateType, isPostgres, notNull, timestampType, versionedTable } from './helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const pgsql = isPostgres(db);

  await versionedTable(db, 'users')
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('role', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('specialties', 'text', (c) => c.notNull().defaultTo('[]'))
    // SQLite accepts a reference to a table created later; PostgreSQL gets the constraint below.
    .addColumn('contact_id', 'text', (c) => (pgsql ? c : c.references('contacts.id').onDelete('set null')))
    .addColumn('account_id', 'text', (c) => (pgsql ? c : c.references('accounts.id').onDelete('cascade')))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('search_text', 'text', notNull)
    .execute();
  await db.schema.createIndex('users_role_idx').on('users').columns(['role', 'name']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', ts, notNull)
    .addColumn('expires_at', ts, notNull)
    .addColumn('last_seen_at', ts, notNull)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expiry_idx').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', notNull)
    .addColumn('prefix', 'text', notNull)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, notNull)
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', notNull)
    .addColumn('failed_at', ts, notNull)
    .execute();
  await db.schema.createIndex('login_failures_key_idx').on('login_failures').columns(['key', 'failed_at']).execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', notNull)
    .execute();

  await versionedTable(db, 'accounts')
    .addColumn('name', 'text', notNull)
    .addColumn('search_text', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('industry', 'text')
    .addColumn('website', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('backup_owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('currency', 'text', notNull)
    .addColumn('payment_terms_days', 'integer', notNull)
    .addColumn('credit_limit_minor', 'bigint')
    .addColumn('language', 'text', notNull)
    .execute();
  for (const [name, cols] of [
    ['accounts_name_idx', ['name', 'id']],
    ['accounts_created_idx', ['created_at', 'id']],
    ['accounts_updated_idx', ['updated_at', 'id']],
    ['accounts_owner_idx', ['owner_id', 'name', 'id']],
    ['accounts_backup_idx', ['backup_owner_id', 'name', 'id']],
    ['accounts_status_idx', ['status', 'name', 'id']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('accounts')
      .columns([...cols])
      .execute();
  }

  await versionedTable(db, 'contacts')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('first_name', 'text', notNull)
    .addColumn('last_name', 'text')
    .addColumn('sort_name', 'text', notNull)
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('position', 'text')
    .addColumn('decision_role', 'text')
    .addColumn('portal_access', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('search_text', 'text', notNull)
    .execute();
  await db.schema.createIndex('contacts_sort_idx').on('contacts').columns(['sort_name', 'id']).execute();
  await db.schema.createIndex('contacts_account_idx').on('contacts').columns(['account_id', 'sort_name', 'id']).execute();

  if (pgsql) {
    await db.schema
      .alterTable('users')
      .addForeignKeyConstraint('users_contact_fk', ['contact_id'], 'contacts', ['id'], (c) => c.onDelete('set null'))
      .execute();
    await db.schema
      .alterTable('users')
      .addForeignKeyConstraint('users_account_fk', ['account_id'], 'accounts', ['id'], (c) => c.onDelete('cascade'))
      .execute();
  }

  await versionedTable(db, 'interactions')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('type', 'text', notNull)
    .addColumn('occurred_at', ts, notNull)
    .addColumn('summary', 'text', notNull)
    .addColumn('outcome', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_due', dateType(db))
    .addColumn('deal_id', 'text')
    .addColumn('project_id', 'text')
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('search_text', 'text', notNull)
    .execute();
  await db.schema.createIndex('interactions_account_idx').on('interactions').columns(['account_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('interactions_occurred_idx').on('interactions').columns(['occurred_at', 'id']).execute();

  await db.schema
    .createTable('interaction_contacts')
    .addColumn('interaction_id', 'text', (c) => c.notNull().references('interactions.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('interaction_contacts_pk', ['interaction_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('interaction_contacts_contact_idx').on('interaction_contacts').column('contact_id').execute();

  await db.schema
    .createTable('timeline_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('occurred_at', ts, notNull)
    .addColumn('kind', 'text', notNull)
    .addColumn('actor_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('timeline_events_account_idx').on('timeline_events').columns(['account_id', 'occurred_at', 'id']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', ts, notNull)
    .addColumn('actor_id', 'text')
    .addColumn('record_type', 'text', notNull)
    .addColumn('record_id', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('changes', 'text', notNull)
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_record_idx').on('audit_log').columns(['record_type', 'record_id', 'at']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'audit_log',
    'timeline_events',
    'interaction_contacts',
    'interactions',
    'api_tokens',
    'sessions',
    'login_failures',
    'settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  if (isPostgres(db)) {
    await db.schema.alterTable('users').dropConstraint('users_contact_fk').execute();
    await db.schema.alterTable('users').dropConstraint('users_account_fk').execute();
  }
  await db.schema.dropTable('contacts').execute();
  await db.schema.dropTable('accounts').execute();
  await db.schema.dropTable('users').execute();
}
