import { sql, type Kysely } from 'kysely';
import { WEBHOOK_PAYLOAD_VERSION, type WebhookEventData, type WebhookEventType } from '../../../common/schemas/webhook.js';
import { dialectOf } from '../../db/dialect.js';
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
    await holdAsWriter(trx);
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

/** The PostgreSQL advisory lock of the outbox (an arbitrary number of its own). */
const OUTBOX_LOCK = sql.lit(7_340_116_001);

/**
 * A writer holds the outbox lock shared until its transaction ends, so that a fan-out started
 * at once (a delivery nudge, sent before the commit) waits for the commit instead of missing the
 * events. SQLite needs nothing: its one connection already queues the fan-out behind the writer.
 */
async function holdAsWriter(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx).name === 'postgres') await sql`select pg_advisory_xact_lock_shared(${OUTBOX_LOCK})`.execute(trx);
}

/** In a fan-out's transaction: waits until the transactions writing to the outbox have ended (committed or rolled back). */
export async function awaitOutboxWriters(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx).name === 'postgres') await sql`select pg_advisory_xact_lock(${OUTBOX_LOCK})`.execute(trx);
}
