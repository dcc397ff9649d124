import type { Generated } from 'kysely';
import type { WebhookDeliveryStatus } from '../../../common/schemas/webhook.js';

/** Tables of webhooks (migration 0041_webhooks). */

export interface WebhookSubscriptionsTable {
  id: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
  url: string;
  description: string | null;
  /** JSON array of event types. */
  event_types: string;
  enabled: number;
  /** `whsec_…`: kept readable, since every delivery is signed with it. */
  secret: string;
  /** The secret before the last rotation, still signing until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: string | null;
  /** When retries ran out and the subscription was turned off; null otherwise. */
  disabled_at: string | null;
}

/** The outbox: one row per event, written in the transaction of its change. */
export interface WebhookEventsTable {
  id: string;
  type: string;
  /** JSON `{ type, version, timestamp, data }`, the body sent. */
  payload: string;
  occurred_at: string;
  fanned_out_at: string | null;
}

/** One event's delivery to one subscription, with its latest attempt. */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  response_code: number | null;
  duration_ms: number | null;
  response_excerpt: string | null;
  error: string | null;
  created_at: string;
}

export interface WebhookTables {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}
