import { sql, type ColumnDefinitionBuilder, type Kysely, type SqlBool } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

const index = (db: Kysely<any>, name: string, table: string, columns: string[]) =>
  db.schema.createIndex(name).on(table).columns(columns).execute();

/** Open receivables: what aging, exposure and follow-ups read; the partial index stays small. */
const OPEN_INVOICE_PREDICATE = sql<SqlBool>`kind = 'invoice' and status in ('issued', 'partially_paid')`;

/** Invoices, payments, credit notes, follow-ups, the email outbox, billing actions and the job table. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);
  const money = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(0);

  await db.schema.alterTable('accounts').addColumn('stop_work_since', ts).execute();
  await db.schema.alterTable('accounts').addColumn('stop_work_reason', 'text').execute();

  await versionedTable(db, 'invoices')
    // restrict: money records outlive nothing; the account service refuses to delete an account with invoices
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('restrict'))
    .addColumn('project_id', 'text') // checked by the service when set
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('invoice'))
    .addColumn('credited_invoice_id', 'text', (c) => c.references('invoices.id').onDelete('restrict'))
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('status', 'text', notNull)
    .addColumn('issue_date', date)
    .addColumn('due_date', date)
    .addColumn('currency', 'text', notNull)
    .addColumn('subtotal_minor', 'bigint', money)
    .addColumn('tax_minor', 'bigint', money)
    .addColumn('total_minor', 'bigint', money)
    .addColumn('paid_minor', 'bigint', money)
    .addColumn('credited_minor', 'bigint', money)
    .addColumn('notes', 'text')
    .addColumn('search_text', 'text', notNull)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('issued_at', ts)
    .addColumn('issued_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('voided_at', ts)
    .addColumn('voided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('void_reason', 'text')
    .execute();
  await index(db, 'invoices_created_idx', 'invoices', ['created_at', 'id']);
  await index(db, 'invoices_account_created_idx', 'invoices', ['account_id', 'created_at', 'id']);
  await index(db, 'invoices_due_idx', 'invoices', ['due_date', 'id']);
  await index(db, 'invoices_issue_idx', 'invoices', ['issue_date', 'id']);
  await index(db, 'invoices_credited_idx', 'invoices', ['credited_invoice_id']);
  await index(db, 'invoices_project_idx', 'invoices', ['project_id']);
  // Open receivables, twice: by account (exposure, aging grouped by account, streamed in index
  // order) and by due date (overdue lists, follow-ups). Both cover every column those queries
  // read — kind and status too, or SQLite visits the table to re-check the partial predicate —
  // and no index leads with status, so SQLite never prefers a status scan over these small ones.
  const moneyColumns = ['currency', 'total_minor', 'paid_minor', 'credited_minor', 'kind', 'status'];
  for (const [name, lead] of [
    ['invoices_open_account_idx', ['account_id', 'currency', 'due_date']],
    ['invoices_open_due_idx', ['due_date', 'account_id']],
  ] as const) {
    const columns = [...lead, ...moneyColumns.filter((c) => !(lead as readonly string[]).includes(c))];
    await db.schema.createIndex(name).on('invoices').columns(columns).where(OPEN_INVOICE_PREDICATE).execute();
  }

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('position', 'integer', notNull)
    .addColumn('description', 'text', notNull)
    .addColumn('quantity_milli', 'bigint', notNull)
    .addColumn('unit_price_minor', 'bigint', notNull)
    .addColumn('tax_basis_points', 'integer', notNull)
    .addColumn('net_minor', 'bigint', notNull)
    .addColumn('tax_minor', 'bigint', notNull)
    .addColumn('total_minor', 'bigint', notNull)
    .execute();
  await index(db, 'invoice_lines_invoice_idx', 'invoice_lines', ['invoice_id', 'position']);

  await versionedTable(db, 'payments')
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('restrict'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('restrict'))
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('paid_on', date, notNull)
    .addColumn('method', 'text')
    .addColumn('reference', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('request_hash', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reversed_at', ts)
    .addColumn('reversed_on', date) // the agency-local day of the reversal, for statements
    .addColumn('reversed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reversal_reason', 'text')
    .execute();
  await index(db, 'payments_invoice_idx', 'payments', ['invoice_id', 'paid_on', 'id']);
  await index(db, 'payments_account_idx', 'payments', ['account_id', 'paid_on', 'id']);
  await index(db, 'payments_created_idx', 'payments', ['created_at', 'id']);

  await db.schema
    .createTable('number_sequences')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'bigint', notNull)
    .execute();

  await db.schema
    .createTable('email_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('purpose', 'text', notNull)
    .addColumn('purpose_date', date)
    .addColumn('to_address', 'text', notNull)
    .addColumn('subject', 'text', notNull)
    .addColumn('text_body', 'text', notNull)
    .addColumn('html_body', 'text', notNull)
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('status', 'text', notNull)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', ts, notNull)
    .addColumn('sent_at', ts)
    .addColumn('message_id', 'text')
    .addColumn('created_at', ts, notNull)
    .addUniqueConstraint('email_outbox_one_per_day', ['account_id', 'purpose', 'purpose_date'])
    .execute();
  await index(db, 'email_outbox_due_idx', 'email_outbox', ['status', 'next_attempt_at']);
  await index(db, 'email_outbox_created_idx', 'email_outbox', ['purpose', 'created_at', 'id']);

  await db.schema
    .createTable('invoice_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('level_days', 'integer', notNull)
    .addColumn('run_date', date, notNull)
    .addColumn('email_id', 'text', (c) => c.references('email_outbox.id').onDelete('set null'))
    .addColumn('created_at', ts, notNull)
    // a level fires once per invoice, whatever happens to the job
    .addUniqueConstraint('invoice_follow_ups_once', ['invoice_id', 'level_days'])
    .execute();
  await index(db, 'invoice_follow_ups_email_idx', 'invoice_follow_ups', ['email_id']);

  await versionedTable(db, 'billing_actions')
    .addColumn('kind', 'text', notNull)
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id').onDelete('set null'))
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assignee_role', 'text')
    .addColumn('title', 'text', notNull)
    .addColumn('detail', 'text', notNull)
    .addColumn('due_date', date, notNull)
    .addColumn('done_at', ts)
    .addColumn('done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await index(db, 'billing_actions_assignee_idx', 'billing_actions', ['assignee_id', 'due_date', 'id']);
  await index(db, 'billing_actions_role_idx', 'billing_actions', ['assignee_role', 'due_date', 'id']);
  await index(db, 'billing_actions_due_idx', 'billing_actions', ['due_date', 'id']);
  await index(db, 'billing_actions_account_idx', 'billing_actions', ['account_id']);

  await db.schema
    .createTable('jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_key', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', ts)
    .addColumn('last_started_at', ts)
    .addColumn('last_finished_at', ts)
    .addColumn('last_status', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_result', 'text')
    .execute();
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_name', 'text', notNull)
    .addColumn('run_key', 'text', notNull)
    .addColumn('instance_id', 'text', notNull)
    .addColumn('started_at', ts, notNull)
    .addColumn('finished_at', ts)
    .addColumn('status', 'text', notNull)
    .addColumn('error', 'text')
    .addColumn('result', 'text')
    .execute();
  await index(db, 'job_runs_job_idx', 'job_runs', ['job_name', 'started_at']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'job_runs',
    'jobs',
    'billing_actions',
    'invoice_follow_ups',
    'email_outbox',
    'number_sequences',
    'payments',
    'invoice_lines',
    'invoices',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('accounts').dropColumn('stop_work_reason').execute();
  await db.schema.alterTable('accounts').dropColumn('stop_work_since').execute();
}
