import type { Kysely } from 'kysely';
import { notNull, timestampType, versionedTable } from './helpers.js';

/**
 * Webhooks: the admins' subscriptions (URL, event types, signing secret and the previous one
 * while a rotation's grace lasts), the outbox of events written in the transaction of the
 * change they describe, and one delivery per subscription and event with its attempts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await versionedTable(db, 'webhook_subscriptions')
    .addColumn('url', 'text', notNull)
    .addColumn('description', 'text')
    .addColumn('event_types', 'text', notNull) // JSON array of event types
    .addColumn('enabled', 'integer', notNull)
    .addColumn('secret', 'text', notNull)
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', ts)
    .addColumn('disabled_at', ts) // set when retries ran out; cleared when enabled again
    .execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the `webhook-id` receivers deduplicate by
    .addColumn('type', 'text', notNull)
    .addColumn('payload', 'text', notNull) // JSON: { type, version, timestamp, data }, sent as is
    .addColumn('occurred_at', ts, notNull)
    .addColumn('fanned_out_at', ts) // null until given to the subscriptions of its type
    .execute();
  await db.schema.createIndex('webhook_events_pending_idx').on('webhook_events').columns(['fanned_out_at', 'occurred_at']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id').onDelete('cascade'))
    .addColumn('event_id', 'text', (c) => c.notNull().references('webhook_events.id').onDelete('cascade'))
    .addColumn('event_type', 'text', notNull)
    .addColumn('status', 'text', notNull) // pending | succeeded | failed
    .addColumn('attempts', 'integer', notNull)
    .addColumn('next_attempt_at', ts)
    .addColumn('last_attempt_at', ts)
    .addColumn('response_code', 'integer')
    .addColumn('duration_ms', 'integer')
    .addColumn('response_excerpt', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', ts, notNull)
    .execute();
  await db.schema.createIndex('webhook_deliveries_due_idx').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema
    .createIndex('webhook_deliveries_subscription_idx')
    .on('webhook_deliveries')
    .columns(['subscription_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute();
  await db.schema.dropTable('webhook_events').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
}
