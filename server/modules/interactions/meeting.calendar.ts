import type { Database } from '../../db/database.js';
import { feedAccountCondition, type FeedSource } from '../calendar-feeds/index.js';

/** A meeting in the calendar lasts an hour from its time (interactions keep no end). */
const MEETING_MS = 60 * 60_000;

/** Meetings logged on the accounts of the scope, at their time. */
export const meetingCalendar = (db: Database): FeedSource => ({
  name: 'meetings',
  async events(scope, window) {
    const accounts = feedAccountCondition(scope);
    if (!accounts) return [];
    const rows = await db
      .selectFrom('interactions')
      .innerJoin('accounts', 'accounts.id', 'interactions.account_id')
      .select([
        'interactions.id',
        'interactions.summary',
        'interactions.occurred_at',
        'interactions.account_id',
        'accounts.name as account_name',
      ])
      .where('interactions.type', '=', 'meeting')
      .where('interactions.occurred_at', '>=', `${window.from}T00:00:00.000Z`)
      .where('interactions.occurred_at', '<=', `${window.to}T23:59:59.999Z`)
      .where((eb) => accounts(eb, 'interactions.account_id'))
      .execute();
    return rows.map((r) => {
      const start = new Date(r.occurred_at);
      return {
        uid: `meeting-${r.id}`,
        summary: `${r.summary.slice(0, 80)} — ${r.account_name}`,
        description: r.summary,
        path: `/accounts/${r.account_id}`,
        when: { start: start.toISOString(), end: new Date(start.getTime() + MEETING_MS).toISOString() },
      };
    });
  },
});
