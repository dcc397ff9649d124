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
import { TimelineRepository, type TimelineRow } from './timeline.repository.js';
import type { InteractionRow } from '../interactions/interaction.presenter.js';

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
    const interactionRows = page.items.filter((r) => r.entry_type === 'interaction');
    const details = interactions.presentRows(
      interactionRows.map(asInteractionRow),
      new Map(interactionRows.map((r) => [r.id, r.contact_ids])),
    );
    const items = page.items.map((r): TimelineEntry => {
      if (r.entry_type === 'interaction') {
        return { entryType: 'interaction', id: r.id, occurredAt: r.occurred_at, interaction: details.get(r.id)! };
      }
      return {
        entryType: 'event',
        id: r.id,
        occurredAt: r.occurred_at,
        kind: r.kind as TimelineEventKind,
        actorId: r.actor_id,
        data: JSON.parse(r.data ?? '{}'),
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

/** The interaction carried in a merged timeline row. */
function asInteractionRow(r: TimelineRow): InteractionRow {
  return {
    id: r.id,
    account_id: r.account_id,
    occurred_at: r.occurred_at,
    author_id: r.actor_id,
    type: r.type!,
    summary: r.summary!,
    outcome: r.outcome,
    next_step: r.next_step,
    next_step_due: r.next_step_due,
    deal_id: r.deal_id,
    project_id: r.project_id,
    version: r.version!,
    created_at: r.created_at!,
    updated_at: r.updated_at!,
    search_text: '',
  };
}
