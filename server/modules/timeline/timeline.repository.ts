import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { afterCursor, toPage, type CursorPosition } from '../../lib/pagination.js';

interface TimelineRow {
  entry_type: 'interaction' | 'event';
  id: string;
  occurred_at: string;
  kind: string | null;
  actor_id: string | null;
  data: string | null;
}

export class TimelineRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of the merged timeline. Each branch seeks its own (account_id, occurred_at, id)
   * index and stops at the page size, so the merge reads at most 2 × limit rows at any depth.
   */
  async page(accountId: string, limit: number, pos: CursorPosition | null) {
    const interactions = this.db
      .selectFrom('interactions')
      .select([
        sql.lit('interaction').as('entry_type'),
        'id',
        'occurred_at',
        sql<string | null>`null`.as('kind'),
        'author_id as actor_id',
        sql<string | null>`null`.as('data'),
      ])
      .where('account_id', '=', accountId)
      .$if(!!pos, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const events = this.db
      .selectFrom('timeline_events')
      .select([sql.lit('event').as('entry_type'), 'id', 'occurred_at', 'kind', 'actor_id', 'data'])
      .where('account_id', '=', accountId)
      .$if(!!pos, (q) => q.where((eb) => afterCursor(eb, 'occurred_at', 'id', 'desc', pos!)))
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    const merged = await sql<TimelineRow>`
      select * from (select * from (${interactions}) as i union all select * from (${events}) as e) as t
      order by occurred_at desc, id desc limit ${limit + 1}`.execute(this.db);
    const rows = merged.rows;
    return toPage(rows, limit, (r) => ({ v: r.occurred_at, id: r.id }));
  }
}
