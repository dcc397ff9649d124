import type { Kysely } from 'kysely';
import type { TimelineEventKind } from '../../../common/enums.js';
import { insertRows } from '../../db/bulk-insert.js';
import type { DB } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { TimelineRepository } from './timeline.repository.js';

export interface TimelineEventInput {
  accountId: string;
  kind: TimelineEventKind;
  actorId: string | null;
  occurredAt: string;
  data?: Record<string, unknown>;
}

/** Acts on events as they are recorded, in the same transaction (the webhooks' outbox). */
export type TimelineSubscriber = (trx: Kysely<DB>, events: readonly TimelineEventInput[]) => Promise<void>;

/**
 * What the system did on an account, recorded by every module in the transaction of the
 * change it describes. Modules declare the kinds they record; an undeclared kind is a bug.
 */
export class TimelineLog {
  private readonly repo = new TimelineRepository();
  private readonly kinds = new Set<TimelineEventKind>();
  private readonly subscribers: TimelineSubscriber[] = [];

  /** Declares event kinds (the composition root passes each module's `timelineEvents`). */
  registerKinds(kinds: readonly TimelineEventKind[]): void {
    for (const k of kinds) this.kinds.add(k);
  }

  registeredKinds(): TimelineEventKind[] {
    return [...this.kinds];
  }

  /** Lets another module act on every recorded event in the transaction of its change. */
  subscribe(subscriber: TimelineSubscriber): void {
    this.subscribers.push(subscriber);
  }

  /** Adds a system event; pass the transaction of the change it describes. */
  async recordEvent(trx: Kysely<DB>, e: TimelineEventInput): Promise<void> {
    if (!this.kinds.has(e.kind)) throw new Error(`Timeline event kind "${e.kind}" is not declared by any module`);
    await this.repo.insert(trx, {
      id: newId(),
      account_id: e.accountId,
      occurred_at: e.occurredAt,
      kind: e.kind,
      actor_id: e.actorId,
      data: JSON.stringify(e.data ?? {}),
    });
    for (const s of this.subscribers) await s(trx, [e]);
  }

  /** Adds many system events in a few statements (a nightly run's moves); same rules as `recordEvent`. */
  async recordEvents(trx: Kysely<DB>, events: TimelineEventInput[]): Promise<void> {
    for (const e of events) if (!this.kinds.has(e.kind)) throw new Error(`Timeline event kind "${e.kind}" is not declared by any module`);
    const rows = events.map((e) => ({
      id: newId(),
      account_id: e.accountId,
      occurred_at: e.occurredAt,
      kind: e.kind,
      actor_id: e.actorId,
      data: JSON.stringify(e.data ?? {}),
    }));
    await insertRows(trx, 'timeline_events', rows);
    for (const s of this.subscribers) await s(trx, events);
  }
}
