import type { TimelineEntry } from '../../../common/schemas/timeline.js';
import { eventKindsOf, type TimelineCategory, type TimelineEventKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { decodeCursor } from '../../lib/pagination.js';
import { assertCanReadAccount, assertSeesInternal, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { HistoryRepository, type EntryFilter, type TimelineRow } from './history.repository.js';
import type { InteractionRow } from './interaction.presenter.js';
import type { InteractionService } from './interaction.service.js';

/** An account's history: interactions people logged merged with what the system did. */
export class HistoryService {
  private readonly repo: HistoryRepository;

  constructor(
    db: Database,
    private readonly accounts: AccountService,
    private readonly interactions: InteractionService,
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
    const account = await this.accounts.findOwned(accountId);
    if (!account) throw notFound('account');
    // Someone who sees the account but never internal records is refused, as on the interaction list.
    assertCanReadAccount(actor, account);
    assertSeesInternal(actor);
    const page = await this.repo.page(accountId, limit, decodeCursor(cursor, 'timestamp'), kinds && entryFilter(kinds));
    const presented = await this.interactions.presentMany(
      actor,
      page.items.filter((r) => r.entry_type === 'interaction').map(asInteractionRow),
      new Map([[account.id, account]]),
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
        kind: r.kind as TimelineEventKind,
        actorId: r.actor_id,
        data: JSON.parse(r.data ?? '{}'),
      };
    });
    return { items, nextCursor: page.nextCursor };
  }
}

/** The entries of the asked kinds: conversations are the interactions, the other kinds groups of events. */
const entryFilter = (kinds: TimelineCategory[]): EntryFilter => ({
  interactions: kinds.includes('conversations'),
  eventKinds: eventKindsOf(kinds),
});

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
    deal_id: r.deal_id,
    project_id: r.project_id,
    version: r.version!,
    created_at: r.created_at!,
    updated_at: r.updated_at!,
    search_text: '',
  };
}
