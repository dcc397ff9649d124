import type { Kysely } from 'kysely';
import type { LookupFunction } from 'node:net';
import type { WebhookDeliveriesTable } from '../../db/tables/webhooks.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { SubscriptionRow } from './webhook.presenter.js';
import { outboxSettled } from './webhook.outbox.js';
import type { WebhookRepository } from './webhook.repository.js';
import { postWebhook, signedHeaders } from './webhook.sender.js';
import type { WebhookSettingsService } from './webhook.settings.js';
import { hostOf } from './webhook.urls.js';
import { queueStatsOf, type QueueStats } from '../../metrics/contributions.js';

/** Waits after the 1st, 2nd… failed attempt (~18 h in all); after the last retry fails the subscription is turned off. */
export const RETRY_DELAYS_MS = [5_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 5 * 3600_000, 10 * 3600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How long a delivery being sent is held from others: far above the send timeout, so a crash mid-send retries it. */
const CLAIM_MS = 60_000;
const FAN_OUT_BATCH = 500;
/** How long the delivery log keeps events once sent. */
export const LOG_RETENTION_MS = 30 * 24 * 3600_000;
const SEND_BATCH = 50;
const PARALLEL = 5;

/** Tells the admins a subscription was turned off, in the transaction that turns it off. */
export type DisabledAlert = (trx: Kysely<DB>, subscription: SubscriptionRow) => Promise<void>;

/**
 * Sends the outbox on: gives each event to the subscriptions of its type (a delivery each),
 * then sends the deliveries due, signed, retrying failures with backoff. Run by the periodic
 * job and by each instance's delivery loop, at once if need be: each fan-out is one transaction
 * over events no other holds, and a delivery is claimed, at the attempt it was read at, before
 * it is sent, so each event is given out once and each attempt sent once.
 */
export class WebhookDispatcher {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly repo: WebhookRepository,
    private readonly settings: WebhookSettingsService,
    private readonly alert: DisabledAlert,
    private readonly lookup?: LookupFunction,
  ) {}

  /** The backlog for /metrics: how much waits to go out, and for how long the oldest has. */
  async queueStats(): Promise<QueueStats> {
    return queueStatsOf(await this.repo.pendingBacklog(this.db), this.clock.now());
  }

  /** Whether the job has anything to do now (so idle periods leave no trace). */
  async hasWork(): Promise<boolean> {
    const now = this.clock.now().toISOString();
    if ((await this.repo.pendingEvents(this.db, 1)).length > 0) return true;
    return (await this.repo.dueDeliveries(this.db, now, 1)).length > 0;
  }

  /** One round: events given out, then the due deliveries sent. */
  async run(): Promise<{ events: number; sent: number; failed: number }> {
    const { settled: _settled, ...result } = await this.round();
    return result;
  }

  /**
   * A round, telling also whether the outbox was settled when last looked at: false when a
   * transaction writing to it was still in flight (its events may have come after the look).
   */
  async round(): Promise<{ events: number; sent: number; failed: number; settled: boolean }> {
    let events = 0;
    let batch = await this.fanOut();
    for (; batch.events > 0; batch = await this.fanOut()) events += batch.events;
    const { sent, failed } = await this.sendDue();
    return { events, sent, failed, settled: batch.settled };
  }

  /**
   * Gives a batch of events to the enabled subscriptions asking for their type; answers how many
   * events, and whether no outbox writer was in flight. Fan-outs may run together (the loops of
   * several instances, the job): on PostgreSQL each takes the events the others have not locked.
   */
  async fanOut(): Promise<{ events: number; settled: boolean }> {
    return this.db.transaction().execute(async (t) => {
      const settled = await outboxSettled(t);
      const events = await this.repo.pendingEvents(t, FAN_OUT_BATCH);
      if (events.length === 0) return { events: 0, settled };
      const now = this.clock.now().toISOString();
      const subscriptions = (await this.repo.enabled(t)).map((s) => ({
        id: s.id,
        since: s.created_at,
        types: new Set(JSON.parse(s.event_types) as string[]),
      }));
      const taken = await this.repo.markFannedOut(
        t,
        events.map((e) => e.id),
        now,
      );
      if (taken !== events.length) throw new Error('webhook events were given out by another run');
      const rows = events.flatMap((e) =>
        // A subscription receives what happened from its creation on.
        subscriptions.filter((s) => s.types.has(e.type) && s.since <= e.occurred_at).map((s) => newDelivery(s.id, e.id, e.type, now, now)),
      );
      await this.repo.insertDeliveries(t, rows);
      return { events: events.length, settled };
    });
  }

  async sendDue(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    const due = await this.repo.dueDeliveries(this.db, this.clock.now().toISOString(), SEND_BATCH);
    for (let i = 0; i < due.length; i += PARALLEL) {
      const results = await Promise.all(due.slice(i, i + PARALLEL).map((d) => this.attempt(d)));
      for (const r of results)
        if (r?.status === 'succeeded') sent += 1;
        else if (r) failed += 1;
    }
    return { sent, failed };
  }

  /** Forgets events sent over LOG_RETENTION_MS ago, with their deliveries. */
  async prune(): Promise<{ pruned: number }> {
    const before = new Date(this.clock.now().getTime() - LOG_RETENTION_MS).toISOString();
    return { pruned: await this.repo.prune(this.db, before) };
  }

  /** A new delivery of an event to a subscription (a redelivery, a test), sent at once. */
  async deliverNow(subscriptionId: string, eventId: string, eventType: string): Promise<WebhookDeliveriesTable> {
    const now = this.clock.now().toISOString();
    const row = newDelivery(subscriptionId, eventId, eventType, now, this.claimUntil());
    await this.repo.insertDeliveries(this.db, [row]);
    return (await this.attempt(row, { claimed: true }))!;
  }

  /** When the next pending delivery falls due (null: none pending). */
  async nextDueAt(): Promise<Date | null> {
    const at = await this.repo.nextDue(this.db);
    return at ? new Date(at) : null;
  }

  /**
   * Sends one delivery and records what came of it: done, retried later, or failed for good (the
   * subscription turned off). Null when another round claimed it first (it sends it, not this one).
   */
  async attempt(delivery: WebhookDeliveriesTable, opts: { claimed?: boolean } = {}): Promise<WebhookDeliveriesTable | null> {
    if (!opts.claimed && !(await this.repo.claimDelivery(this.db, delivery, this.clock.now().toISOString(), this.claimUntil())))
      return null;
    const [subscription, event, settings] = await Promise.all([
      this.repo.find(this.db, delivery.subscription_id),
      this.repo.event(this.db, delivery.event_id),
      this.settings.load(),
    ]);
    if (!subscription || !event) return delivery;
    const at = this.clock.now();
    const headers = signedHeaders(event.id, at, event.payload, secretsOf(subscription, at));
    const allowPrivate = settings.allowedPrivateHosts.includes(hostOf(new URL(subscription.url)));
    const result = await postWebhook(subscription.url, headers, event.payload, { allowPrivate, lookup: this.lookup });
    const attempts = delivery.attempts + 1;
    const retryIn = RETRY_DELAYS_MS[attempts - 1];
    const ping = !isSubscribable(delivery.event_type);
    const status = result.ok ? 'succeeded' : retryIn === undefined || ping ? 'failed' : 'pending';
    const after: WebhookDeliveriesTable = {
      ...delivery,
      status,
      attempts,
      last_attempt_at: at.toISOString(),
      next_attempt_at: status === 'pending' ? new Date(this.clock.now().getTime() + retryIn).toISOString() : null,
      response_code: result.status,
      duration_ms: result.durationMs,
      response_excerpt: result.excerpt,
      error: result.error,
    };
    const { id: _id, ...set } = after;
    await this.db.transaction().execute(async (t) => {
      await this.repo.updateDelivery(t, delivery.id, set);
      if (status === 'failed' && !ping && subscription.enabled === 1) await this.disable(t, subscription);
    });
    return after;
  }

  private async disable(t: Kysely<DB>, subscription: SubscriptionRow) {
    const now = this.clock.now().toISOString();
    await this.repo.update(t, subscription.id, { enabled: 0, disabled_at: now, updated_at: now });
    await this.alert(t, { ...subscription, enabled: 0, disabled_at: now });
  }

  private claimUntil() {
    return new Date(this.clock.now().getTime() + CLAIM_MS).toISOString();
  }
}

const isSubscribable = (type: string) => type !== 'webhook.ping';

function newDelivery(subscriptionId: string, eventId: string, eventType: string, now: string, due: string): WebhookDeliveriesTable {
  return {
    id: newId(),
    subscription_id: subscriptionId,
    event_id: eventId,
    event_type: eventType,
    status: 'pending',
    attempts: 0,
    next_attempt_at: due,
    last_attempt_at: null,
    response_code: null,
    duration_ms: null,
    response_excerpt: null,
    error: null,
    created_at: now,
  };
}

/** The secrets a message is signed with: the current one, and the previous one while its grace lasts. */
export function secretsOf(s: Pick<SubscriptionRow, 'secret' | 'previous_secret' | 'previous_secret_until'>, at: Date): string[] {
  const previous = s.previous_secret && s.previous_secret_until && s.previous_secret_until > at.toISOString() ? [s.previous_secret] : [];
  return [s.secret, ...previous];
}
