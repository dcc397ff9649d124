import type { Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Corrective actions: what the agency changes to remove a claim's cause (for one claim or for a
 * root cause across claims), its owner and dates, and the effectiveness check that closes it with
 * the figures it was judged on; and the claims (with their accounts) each action is about.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);
  await versionedTable(db, 'corrective_actions')
    .addColumn('scope', 'text', notNull)
    .addColumn('claim_id', 'text', (c) => c.references('claims.id').onDelete('cascade'))
    .addColumn('root_cause', 'text')
    .addColumn('what', 'text', notNull)
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('due_on', date, notNull)
    .addColumn('check_on', date, notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('result', 'text')
    .addColumn('check_note', 'text')
    .addColumn('check_figures', 'text')
    .addColumn('checked_at', ts)
    .addColumn('checked_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('follow_up_of_id', 'text', (c) => c.references('corrective_actions.id').onDelete('set null'))
    .addColumn('created_by_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // Lists newest first: all, per owner, per root cause, per status; the agenda's checks by date.
  await db.schema.createIndex('corrective_actions_created_idx').on('corrective_actions').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('corrective_actions_owner_idx').on('corrective_actions').columns(['owner_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('corrective_actions_cause_idx').on('corrective_actions').columns(['root_cause', 'created_at']).execute();
  await db.schema.createIndex('corrective_actions_check_idx').on('corrective_actions').columns(['status', 'check_on']).execute();
  await db.schema.createIndex('corrective_actions_due_idx').on('corrective_actions').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('corrective_actions_claim_idx').on('corrective_actions').columns(['claim_id']).execute();
  await db.schema.createIndex('corrective_actions_follow_up_idx').on('corrective_actions').columns(['follow_up_of_id']).execute();

  await db.schema
    .createTable('corrective_action_claims')
    .addColumn('action_id', 'text', (c) => c.notNull().references('corrective_actions.id').onDelete('cascade'))
    .addColumn('claim_id', 'text', (c) => c.notNull().references('claims.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('corrective_action_claims_pk', ['action_id', 'claim_id'])
    .execute();
  await db.schema
    .createIndex('corrective_action_claims_claim_idx')
    .on('corrective_action_claims')
    .columns(['claim_id', 'action_id'])
    .execute();
  await db.schema
    .createIndex('corrective_action_claims_account_idx')
    .on('corrective_action_claims')
    .columns(['account_id', 'action_id'])
    .execute();

  // The effectiveness check counts claims of a root cause registered since a date.
  await db.schema.createIndex('claims_root_cause_idx').on('claims').columns(['root_cause', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_root_cause_idx').execute();
  await db.schema.dropTable('corrective_action_claims').execute();
  await db.schema.dropTable('corrective_actions').execute();
}
