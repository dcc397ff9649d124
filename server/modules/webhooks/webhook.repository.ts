import type { Insertable, Kysely, Updateable } from 'kysely';
import { dialectOf } from '../../db/dialect.js';
import type { DB } from '../../db/schema.js';
import type { WebhookDeliveriesTable, WebhookSubscriptionsTable } from '../../db/tables/webhooks.js';
import type { SubscriptionRow } from './webhook.presenter.js';

/** Reads and writes of subscriptions, the outbox and deliveries. */
export class WebhookRepository {
  list(trx: Kysely<DB>): Promise<SubscriptionRow[]> {
    return trx.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  find(trx: Kysely<DB>, id: string): Promise<SubscriptionRow | undefined> {
    return trx.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(trx: Kysely<DB>, row: Insertable<WebhookSubscriptionsTable>): Promise<void> {
    await trx.insertInto('webhook_subscriptions').values(row).execute();
  }

  async update(trx: Kysely<DB>, id: string, set: Updateable<WebhookSubscriptionsTable>): Promise<void> {
    await trx
      .updateTable('webhook_subscriptions')
      .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
  }

  /** Whether any subscription is on: without one, changes write no events. */
  async anyEnabled(trx: Kysely<DB>): Promise<boolean> {
    return (await trx.selectFrom('webhook_subscriptions').select('id').where('enabled', '=', 1).limit(1).executeTakeFirst()) !== undefined;
  }

  enabled(trx: Kysely<DB>): Promise<SubscriptionRow[]> {
    return trx.selectFrom('webhook_subscriptions').selectAll().where('enabled', '=', 1).execute();
  }

  /** Events not yet given to the subscriptions, oldest first. */
  /** Events not given out yet; on PostgreSQL locked for the caller, skipping those another fan-out holds. */
  pendingEvents(trx: Kysely<DB>, limit: number) {
    return trx
      .selectFrom('webhook_events')
      .select(['id', 'type', 'occurred_at'])
      .where('fanned_out_at', 'is', null)
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(limit)
      .$if(dialectOf(trx).name === 'postgres', (q) => q.forUpdate().skipLocked())
      .execute();
  }

  /** Marks events given out; answers how many this caller took (another instance may have). */
  async markFannedOut(trx: Kysely<DB>, ids: string[], at: string): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await trx
      .updateTable('webhook_events')
      .set({ fanned_out_at: at })
      .where('id', 'in', ids)
      .where('fanned_out_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  event(trx: Kysely<DB>, id: string) {
    return trx.selectFrom('webhook_events').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertEvent(trx: Kysely<DB>, row: Insertable<DB['webhook_events']>): Promise<void> {
    await trx.insertInto('webhook_events').values(row).execute();
  }

  async insertDeliveries(trx: Kysely<DB>, rows: Insertable<WebhookDeliveriesTable>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('webhook_deliveries')
        .values(rows.slice(i, i + 500))
        .execute();
  }

  delivery(trx: Kysely<DB>, id: string): Promise<WebhookDeliveriesTable | undefined> {
    return trx.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** What waits to go out: events not yet fanned out, and deliveries pending to subscriptions still on, with the oldest of each. */
  async pendingBacklog(trx: Kysely<DB>): Promise<{ count: number; oldest: string | null }> {
    const [events, deliveries] = await Promise.all([
      trx
        .selectFrom('webhook_events')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('occurred_at').as('oldest')])
        .where('fanned_out_at', 'is', null)
        .executeTakeFirstOrThrow(),
      trx
        .selectFrom('webhook_deliveries as d')
        .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('d.created_at').as('oldest')])
        .where('d.status', '=', 'pending')
        .where('s.enabled', '=', 1)
        .executeTakeFirstOrThrow(),
    ]);
    const oldest = [events.oldest, deliveries.oldest].filter((x): x is string => x !== null).sort()[0] ?? null;
    return { count: Number(events.n) + Number(deliveries.n), oldest };
  }

  /** Pending deliveries due by `now` to subscriptions still on. */
  dueDeliveries(trx: Kysely<DB>, now: string, limit: number): Promise<WebhookDeliveriesTable[]> {
    return trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .selectAll('d')
      .where('d.status', '=', 'pending')
      .where('d.next_attempt_at', '<=', now)
      .where('s.enabled', '=', 1)
      .orderBy('d.next_attempt_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
  }

  /**
   * Takes a due delivery for one sender until `until`, if no one else took it since it was read
   * (same attempt, still due): two rounds reading the same row send it once.
   */
  async claimDelivery(trx: Kysely<DB>, d: Pick<WebhookDeliveriesTable, 'id' | 'attempts'>, now: string, until: string): Promise<boolean> {
    const r = await trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: until })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .where('attempts', '=', d.attempts)
      .where('next_attempt_at', '<=', now)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** When the next pending delivery to an enabled subscription falls due (null: none pending). */
  async nextDue(trx: Kysely<DB>): Promise<string | null> {
    const row = await trx
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_subscriptions as s', 's.id', 'd.subscription_id')
      .select((eb) => eb.fn.min('d.next_attempt_at').as('at'))
      .where('d.status', '=', 'pending')
      .where('s.enabled', '=', 1)
      .executeTakeFirst();
    return row?.at ?? null;
  }

  async updateDelivery(trx: Kysely<DB>, id: string, set: Updateable<WebhookDeliveriesTable>): Promise<void> {
    await trx.updateTable('webhook_deliveries').set(set).where('id', '=', id).execute();
  }

  /** Deletes events given out before `before` with nothing left to send (their deliveries go with them); answers how many. */
  async prune(trx: Kysely<DB>, before: string): Promise<number> {
    const r = await trx
      .deleteFrom('webhook_events')
      .where('fanned_out_at', '<', before)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('webhook_deliveries as d')
              .select('d.id')
              .whereRef('d.event_id', '=', 'webhook_events.id')
              .where('d.status', '=', 'pending'),
          ),
        ),
      )
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** A subscription's deliveries, newest first, keyset-paged by (created_at, id). */
  deliveriesOf(trx: Kysely<DB>, subscriptionId: string, limit: number, after?: { createdAt: string; id: string }) {
    let q = trx.selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', subscriptionId);
    if (after)
      q = q.where((eb) =>
        eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
      );
    return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
