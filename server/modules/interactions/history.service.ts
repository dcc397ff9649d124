import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import type { TimelineCategory } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor, type CursorPosition } from '../../lib/pagination.js';
import { assertCanReadAccount, assertSeesInternal, seesInternalRecords, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { NextStepService } from '../next-steps/index.js';
import { HistoryRepository } from './history.repository.js';
import type { InteractionService } from './interaction.service.js';

/** An account's history: interactions people logged merged with what the system did. */
export class HistoryService {
  private readonly repo: HistoryRepository;

  constructor(
    db: Database,
    private readonly accounts: AccountService,
    private readonly interactions: InteractionService,
    private readonly nextSteps: NextStepService,
  ) {
    this.repo = new HistoryRepository(db);
  }

  /** Newest first, one page, of every kind of entry or only of `kinds`; clients and specialists never see it. */
  async page(
    actor: Actor,
    accountId: string,
    limit: number,
    cursor: string | undefined,
    kinds?: TimelineCategory[],
  ): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
    // Someone who sees the account but never internal records is refused, as on the interaction list.
    if (!seesInternalRecords(actor)) {
      await this.assertReadable(actor, accountId);
      assertSeesInternal(actor);
    }
    let pos: CursorPosition | null;
    try {
      pos = decodeCursor(cursor, 'timestamp');
    } catch (err) {
      await this.assertReadable(actor, accountId); // an unknown account is a 404 before a bad cursor is a 400
      throw err;
    }
    // The read itself checks access: no entries when the account is missing or not the actor's.
    const page = await this.repo.page(actor, accountId, limit, pos, kinds);
    if (page.items.length === 0) await this.assertReadable(actor, accountId);
    const logged = page.items.flatMap((r) => (r.entry_type === 'interaction' ? [r] : []));
    const packedSteps = new Map(logged.flatMap((r) => (r.next_step ? [[r.id, r.next_step] as const] : [])));
    const presented = await this.interactions.presentMany(
      actor,
      logged.map((r) => r.interaction),
      new Map([[accountId, page.account]]),
      {
        contactIds: new Map(logged.map((r) => [r.id, r.contact_ids])),
        nextSteps: await this.nextSteps.ofPacked(actor, page.account, packedSteps),
      },
    );
    const byId = new Map(presented.map((i) => [i.id, i]));
    const items = page.items.map((r): TimelineEntry => {
      if (r.entry_type === 'interaction') {
        return { entryType: 'interaction', id: r.id, occurredAt: r.occurred_at, interaction: byId.get(r.id)! };
      }
      return {
        entryType: 'event',
        id: r.id,
        occurredAt: r.occurred_at,
        kind: r.kind,
        actorId: r.actor_id,
        data: JSON.parse(r.data) as Record<string, unknown>,
      };
    });
    return { items, nextCursor: page.nextCursor };
  }

  /** 404 unless the account exists and the actor may read it. */
  private async assertReadable(actor: Actor, accountId: string) {
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    assertCanReadAccount(actor, account);
  }
}
