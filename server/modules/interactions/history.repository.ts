import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { afterCursor, toPage, type CursorPosition } from '../../lib/pagination.js';

/** A merged row: event columns are null on interactions, interaction columns null on events. */
export interface TimelineRow {
  entry_type: 'interaction' | 'event';
  id: string;
  occurred_at: string;
  kind: string | null;
  actor_id: string | null;
  data: string | null;
  account_id: string;
  type: string | null;
  summary: string | null;
  outcome: string | null;
  deal_id: string | null;
  project_id: string | null;
  version: number | null;
  created_at: string | null;
  updated_at: string | null;
}

/** Which entries a filtered page holds: interactions or not, and which event kinds (at least one of the two). */
export interface EntryFilter {
  interactions: boolean;
  eventKinds: string[];
}

/** Interaction columns carried through the merge, so a page needs no second read of them. */
const INTERACTION_COLUMNS = ['type', 'summary', 'outcome', 'deal_id', 'project_id', 'version', 'created_at', 'updated_at'] as const;
// Typed nulls: PostgreSQL must match each column's type across the UNION; SQLite accepts the casts.
const NULL_TYPES: Record<(typeof INTERACTION_COLUMNS)[number], string> = {
  type: 'text',
  summary: 'text',
  outcome: 'text',
  deal_id: 'text',
  project_id: 'text',
  version: 'integer',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

/**
 * The account history: interactions merged with the timeline's system events in one query.
 * It reads `timeline_events` (the timeline module's table) but never writes it.
 */
export class HistoryRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of the merged timeline. Each branch seeks its own (account_id, occurred_at, id)
   * index and stops at the page size, so the merge reads at most 2 × limit rows at any depth.
   * `only` narrows it to some kinds of entry: a branch not asked for is left out of the query,
   * and events are kept to the asked kinds inside their branch, so every page is full.
   */
  async page(accountId: string, limit: number, pos: CursorPosition | null, only?: EntryFilter) {
    const interactions = this.db
      .selectFrom('interactions')
      .select([
        sql.lit('interaction').as('entry_type'),
        'id',
        'occurred_at',
        sql<string | null>`null`.as('kind'),
        'author_id as actor_id',
        sql<string | null>`null`.as('data'),
        'account_id',
        ...INTERACTION_COLUMNS,
      ])
      .where('account_id', '=', accountId)
      .$if(!!pos, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const events = this.db
      .selectFrom('timeline_events')
      .select([
        sql.lit('event').as('entry_type'),
        'id',
        'occurred_at',
        'kind',
        'actor_id',
        'data',
        'account_id',
        ...INTERACTION_COLUMNS.map((c) => sql`cast(null as ${sql.raw(NULL_TYPES[c])})`.as(c)),
      ])
      .where('account_id', '=', accountId)
      .$if(!!only, (q) => q.where('kind', 'in', only!.eventKinds))
      .$if(!!pos, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const branches = [
      ...(!only || only.interactions ? [sql`select * from (${interactions}) as i`] : []),
      ...(!only || only.eventKinds.length ? [sql`select * from (${events}) as e`] : []),
    ];
    const merged = await sql<TimelineRow>`
      select * from (${sql.join(branches, sql` union all `)}) as t
      order by occurred_at desc, id desc limit ${limit + 1}`.execute(this.db);
    const rows = merged.rows;
    return toPage(rows, limit, (r) => ({ v: r.occurred_at, id: r.id }));
  }
}
