import type { Kysely } from 'kysely';
import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import type { TimelineEventKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor } from '../../lib/pagination.js';
import type { Actor } from '../access/actor.js';
import { assertCanReadAccount, assertSeesInternal, seesInternalRecords } from '../access/policy.js';
import type { AccountService } from '../accounts/account.service.js';
import type { InteractionService } from '../interactions/interaction.service.js';
import { TimelineRepository } from './timeline.repository.js';

export interface TimelineEventInput {
  accountId: string;
  kind: TimelineEventKind;
  actorId: string | null;
  occurredAt: string;
  data?: Record<string, unknown>;
}

/** An account's history: interactions people logged merged with what the system did. */
export class TimelineService {
  private readonly repo: TimelineRepository;

  constructor(db: Database) {
    this.repo = new TimelineRepository(db);
  }

  /** Adds a system event; pass the transaction of the change it describes. */
  async recordEvent(trx: Kysely<DB>, e: TimelineEventInput): Promise<void> {
    await trx
      .insertInto('timeline_events')
      .values({
        id: newId(),
        account_id: e.accountId,
        occurred_at: e.occurredAt,
        kind: e.kind,
        actor_id: e.actorId,
        data: JSON.stringify(e.data ?? {}),
      })
      .execute();
  }

  /** Newest first, one page; clients and specialists never see it. */
  async page(
    actor: Actor,
    accountId: string,
    limit: number,
    cursor: string | undefined,
    accounts: AccountService,
    interactions: InteractionService,
  ): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
    // Someone who sees the account but never internal records is refused, as on the interaction list.
    if (!seesInternalRecords(actor)) {
      await this.assertReadable(actor, accountId, accounts);
      assertSeesInternal(actor);
    }
    let pos;
    try {
      pos = decodeCursor(cursor, 'timestamp');
    } catch (err) {
      await this.assertReadable(actor, accountId, accounts); // an unknown account is a 404 before a bad cursor is a 400
      throw err;
    }
    // The read itself checks access: no rows when the account is missing or not the actor's.
    const page = await this.repo.page(actor, accountId, limit, pos);
    if (page.items.length === 0) await this.assertReadable(actor, accountId, accounts);
    const items = page.items.map((r): TimelineEntry => {
      if (r.entry_type === 'interaction') {
        return {
          entryType: 'interaction',
          id: r.id,
          occurredAt: r.occurred_at,
          interaction: interactions.presentRow(r.interaction, r.contact_ids),
        };
      }
      return {
        entryType: 'event',
        id: r.id,
        occurredAt: r.occurred_at,
        kind: r.kind as TimelineEventKind,
        actorId: r.actor_id,
        data: JSON.parse(r.data),
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  /** 404 unless the account exists and the actor may read it. */
  private async assertReadable(actor: Actor, accountId: string, accounts: AccountService) {
    const account = await accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadAccount(actor, account);
  }
}
