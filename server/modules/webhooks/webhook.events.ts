import type { Kysely } from 'kysely';
import type { Account } from '../../../common/schemas/account.js';
import type { Interaction } from '../../../common/schemas/interaction.js';
import type { DB } from '../../db/schema.js';
import type { TimelineEventInput } from '../timeline/index.js';
import type { WebhookEventInput, WebhookOutbox } from './webhook.outbox.js';
import type { WebhookRepository } from './webhook.repository.js';
import { webhookEventsOf } from './webhook.timeline.js';

/**
 * Where changes hand their webhook events, in their own transaction. While no subscription is
 * on, nothing is written (a subscription sees events from when it is on).
 */
export class WebhookEvents {
  constructor(
    private readonly repo: WebhookRepository,
    private readonly outbox: WebhookOutbox,
    /** Told once events are written (their transaction still open): wakes the delivery loop. */
    private readonly written: () => void = () => {},
  ) {}

  async record(trx: Kysely<DB>, events: readonly WebhookEventInput[]): Promise<void> {
    if (events.length === 0 || !(await this.repo.anyEnabled(trx))) return;
    await this.write(trx, events);
  }

  /**
   * The timeline's subscriber: the events its recorded kinds stand for, made only while a
   * subscription is on (an import's 100,000 accounts would otherwise build as many for nothing).
   */
  async fromTimeline(trx: Kysely<DB>, events: readonly TimelineEventInput[]): Promise<void> {
    if (events.length === 0 || !(await this.repo.anyEnabled(trx))) return;
    const made = events.flatMap(webhookEventsOf);
    if (made.length > 0) await this.write(trx, made);
  }

  private async write(trx: Kysely<DB>, events: readonly WebhookEventInput[]): Promise<void> {
    await this.outbox.write(trx, events);
    this.written();
  }
}

/** `account.updated`: the account after the change. */
export const accountUpdated = (a: Account, actorId: string, at: string): WebhookEventInput<'account.updated'> => ({
  type: 'account.updated',
  occurredAt: at,
  data: {
    accountId: a.id,
    actorId,
    name: a.name,
    status: a.status,
    ownerId: a.ownerId,
    backupOwnerId: a.backupOwnerId,
    version: a.version,
  },
});

/** `interaction.logged`: a meeting, call, email or note logged on an account. */
export const interactionLogged = (i: Interaction, actorId: string, at: string): WebhookEventInput<'interaction.logged'> => ({
  type: 'interaction.logged',
  occurredAt: at,
  data: {
    accountId: i.accountId,
    actorId,
    interactionId: i.id,
    type: i.type,
    occurredAt: i.occurredAt,
    summary: i.summary,
    projectId: i.projectId ?? null,
    dealId: i.dealId ?? null,
  },
});
