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
 * A writer holds the outbox lock shared until its transaction ends, so that a fan-out can tell
 * whether writes are still in flight (a delivery nudge comes before its writer's commit).
 * SQLite needs nothing: its one connection already queues the fan-out behind the writer.
 */
async function holdAsWriter(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx).name === 'postgres') await sql`select pg_advisory_xact_lock_shared(${OUTBOX_LOCK})`.execute(trx);
}

/**
 * In a fan-out's transaction: whether every transaction that wrote to the outbox has ended, so
 * that what it wrote is visible now. Never waits (a waiting fan-out would queue new writers
 * behind it): false means a writer is still in flight and the fan-out should look again soon.
 */
export async function outboxSettled(trx: Kysely<DB>): Promise<boolean> {
  if (dialectOf(trx).name !== 'postgres') return true;
  const { rows } = await sql<{ settled: boolean }>`select pg_try_advisory_xact_lock(${OUTBOX_LOCK}) as settled`.execute(trx);
  return rows[0].settled;
}
