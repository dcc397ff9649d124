import type { Database } from '../../db/database.js';
import { feedAccountCondition, type FeedSource } from '../calendar-feeds/index.js';

/** A claim's deadline in the calendar lasts this long, ending at the deadline. */
const SLOT_MS = 30 * 60_000;

/** Open claims at their next deadline: to respond by, then to resolve by; on the accounts of the scope. */
export const claimCalendar = (db: Database): FeedSource => ({
  name: 'claims',
  async events(scope, window) {
    const accounts = feedAccountCondition(scope);
    if (!accounts) return [];
    const rows = await db
      .selectFrom('claims')
      .innerJoin('accounts', 'accounts.id', 'claims.account_id')
      .select([
        'claims.id',
        'claims.description',
        'claims.respond_by',
        'claims.resolve_by',
        'claims.responded_at',
        'accounts.name as account_name',
      ])
      .where('claims.status', 'in', ['received', 'in_progress'])
      .where('claims.resolve_by', '>=', `${window.from}T00:00:00.000Z`)
      .where((eb) => accounts(eb, 'claims.account_id'))
      .execute();
    return rows.map((r) => {
      const deadline = new Date(r.responded_at ? r.resolve_by : r.respond_by);
      return {
        uid: `claim-${r.id}`,
        summary: `${r.account_name}: ${r.description.slice(0, 80)}`,
        description: r.description,
        path: `/claims/${r.id}`,
        when: { start: new Date(deadline.getTime() - SLOT_MS).toISOString(), end: deadline.toISOString() },
      };
    });
  },
});
