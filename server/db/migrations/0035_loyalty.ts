import { sql, type Kysely } from 'kysely';
import { dateType, notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Loyalty programmes: tiers with their rules and benefits, each account's standing (tier, the
 * reasons of its last evaluation, the downgrade-risk flag), the history of moves between tiers,
 * one evaluation run per agency day, and referrals with their reward. Accounts learn the day they
 * became a client (`client_since`), from which tenure is counted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const date = dateType(db);
  await db.schema.alterTable('accounts').addColumn('client_since', date).execute();
  // An account that is or was a client: the day its status first became active, else the day it was opened.
  const dayOf = (column: string) => (ts === 'text' ? sql.raw(`substr(${column}, 1, 10)`) : sql.raw(`(${column})::date`));
  await sql`
    UPDATE accounts SET client_since = COALESCE(
      (SELECT MIN(${dayOf('e.occurred_at')}) FROM timeline_events e
        WHERE e.account_id = accounts.id AND e.kind = 'status_changed' AND e.data LIKE '%"to":"active"%'),
      ${dayOf('accounts.created_at')})
    WHERE status <> 'prospect'`.execute(db);

  await versionedTable(db, 'loyalty_tiers')
    .addColumn('name', 'text', notNull)
    .addColumn('rank', 'integer', notNull)
    .addColumn('rules', 'text', notNull) // JSON: LoyaltyRules
    .addColumn('benefits', 'text', notNull) // JSON: LoyaltyBenefits
    .addUniqueConstraint('loyalty_tiers_rank_unique', ['rank'])
    .execute();

  await db.schema
    .createTable('loyalty_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_date', date, (c) => c.notNull().unique())
    .addColumn('started_at', ts, notNull)
    .addColumn('started_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('summary', 'text', notNull) // JSON: counts
    .execute();

  await db.schema
    .createTable('loyalty_standings')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('tier_id', 'text', (c) => c.references('loyalty_tiers.id').onDelete('set null'))
    .addColumn('since', ts)
    .addColumn('at_risk', 'integer', notNull)
    .addColumn('checks', 'text', notNull) // JSON: the rules of the held (or nearest) tier with their values
    .addColumn('evaluated_at', ts, notNull)
    .addColumn('run_id', 'text', notNull)
    .execute();
  await db.schema.createIndex('loyalty_standings_tier_idx').on('loyalty_standings').columns(['tier_id', 'account_id']).execute();
  await db.schema.createIndex('loyalty_standings_risk_idx').on('loyalty_standings').columns(['at_risk', 'account_id']).execute();

  await db.schema
    .createTable('loyalty_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('run_id', 'text', notNull)
    .addColumn('at', ts, notNull)
    .addColumn('from_tier_id', 'text', (c) => c.references('loyalty_tiers.id').onDelete('set null'))
    .addColumn('to_tier_id', 'text', (c) => c.references('loyalty_tiers.id').onDelete('set null'))
    .addColumn('from_name', 'text')
    .addColumn('to_name', 'text')
    .addColumn('direction', 'text', notNull)
    .addColumn('checks', 'text', notNull)
    .execute();
  await db.schema.createIndex('loyalty_moves_account_idx').on('loyalty_moves').columns(['account_id', 'at', 'id']).execute();

  await db.schema
    .createTable('loyalty_referrals')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id').onDelete('cascade'))
    .addColumn('referrer_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', ts, notNull)
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rewarded_at', ts)
    .addColumn('reward', 'text') // JSON: what was granted to the referrer
    .execute();
  await db.schema.createIndex('loyalty_referrals_referrer_idx').on('loyalty_referrals').columns(['referrer_id']).execute();
  await db.schema.createIndex('loyalty_referrals_due_idx').on('loyalty_referrals').columns(['rewarded_at']).execute();

  // The evaluation's aggregates: payments by day, answered NPS per account, open claims by severity.
  await db.schema.createIndex('payments_paid_on_idx').on('payments').columns(['paid_on', 'account_id']).execute();
  await db.schema.createIndex('surveys_latest_nps_idx').on('surveys').columns(['kind', 'account_id', 'answered_at']).execute();
  await db.schema.createIndex('claims_open_severity_idx').on('claims').columns(['severity', 'status', 'account_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('claims_open_severity_idx').execute();
  await db.schema.dropIndex('surveys_latest_nps_idx').execute();
  await db.schema.dropIndex('payments_paid_on_idx').execute();
  await db.schema.dropTable('loyalty_referrals').execute();
  await db.schema.dropTable('loyalty_moves').execute();
  await db.schema.dropTable('loyalty_standings').execute();
  await db.schema.dropTable('loyalty_runs').execute();
  await db.schema.dropTable('loyalty_tiers').execute();
  await db.schema.alterTable('accounts').dropColumn('client_since').execute();
}
