import type { Database } from '../../db/database.js';

/** The project events a client may read on their company's timeline; interactions and everything else stay internal. */
export const CLIENT_NEWS_EVENTS = ['stage_changed', 'plan_submitted', 'plan_approved'] as const;
export type ClientNewsEvent = (typeof CLIENT_NEWS_EVENTS)[number];

export interface NewsEventRow {
  kind: ClientNewsEvent;
  occurred_at: string;
  data: string;
}

export class PortalNewsRepository {
  constructor(private readonly db: Database) {}

  /** The company's latest project events of the client-safe kinds, newest first. */
  async latestEvents(accountId: string, limit: number): Promise<NewsEventRow[]> {
    const rows = await this.db
      .selectFrom('timeline_events')
      .select(['kind', 'occurred_at', 'data'])
      .where('account_id', '=', accountId)
      .where('kind', 'in', [...CLIENT_NEWS_EVENTS])
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows as NewsEventRow[];
  }
}
