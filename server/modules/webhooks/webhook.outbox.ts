import type { Kysely } from 'kysely';
import { WEBHOOK_PAYLOAD_VERSION, type WebhookEventData, type WebhookEventType } from '../../../common/schemas/webhook.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';

/** An event as a module hands it over, before it is written. */
export interface WebhookEventInput<T extends WebhookEventType = WebhookEventType> {
  type: T;
  occurredAt: string;
  data: WebhookEventData<T>;
}

/** The body every delivery of an event sends, as the API document describes it. */
export const payloadOf = (type: string, occurredAt: string, data: unknown) =>
  JSON.stringify({ type, version: WEBHOOK_PAYLOAD_VERSION, timestamp: occurredAt, data });

/**
 * The outbox: events are written in the transaction of the change they describe, so none is
 * lost on a crash and none is sent for a change rolled back. The delivery job sends them on.
 */
export class WebhookOutbox {
  async write(trx: Kysely<DB>, events: readonly WebhookEventInput[]): Promise<void> {
    if (events.length === 0) return;
    await trx
      .insertInto('webhook_events')
      .values(
        events.map((e) => ({
          id: `msg_${newId()}`,
          type: e.type,
          payload: payloadOf(e.type, e.occurredAt, e.data),
          occurred_at: e.occurredAt,
          fanned_out_at: null,
        })),
      )
      .execute();
  }
}
