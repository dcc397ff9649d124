import type { Webhook, WebhookDelivery, WebhookEventType } from '../../../common/schemas/webhook.js';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../../db/tables/webhooks.js';

export type SubscriptionRow = Omit<WebhookSubscriptionsTable, 'version'> & { version: number };

export function presentWebhook(row: SubscriptionRow): Webhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: JSON.parse(row.event_types) as WebhookEventType[],
    enabled: row.enabled === 1,
    disabledAt: row.disabled_at,
    previousSecretUntil: row.previous_secret_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function presentDelivery(row: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    responseCode: row.response_code,
    durationMs: row.duration_ms,
    responseExcerpt: row.response_excerpt,
    error: row.error,
    createdAt: row.created_at,
  };
}
