import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { AgendaMarksTable } from '../../db/tables/today.js';

/** The marks people put on their Today items; the only place with Today's queries. */
export class AgendaMarkRepository {
  constructor(private readonly db: Database) {}

  /** The user's marks that still hide an item on `today`: done, dismissed, or snoozed past today. */
  async hiding(userId: string, today: string, trx: Kysely<DB> = this.db): Promise<Map<string, AgendaMarksTable>> {
    const rows = await trx
      .selectFrom('agenda_marks')
      .selectAll()
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('state', '<>', 'snoozed'), eb('until', '>', today)]))
      .execute();
    return new Map(rows.map((r) => [r.item_key, r]));
  }

  /** Puts (or replaces) the user's mark on an item. */
  async put(trx: Kysely<DB>, mark: AgendaMarksTable): Promise<void> {
    await trx
      .insertInto('agenda_marks')
      .values(mark)
      .onConflict((oc) =>
        oc
          .columns(['user_id', 'item_key'])
          .doUpdateSet({ state: mark.state, until: mark.until, reason: mark.reason, marked_at: mark.marked_at }),
      )
      .execute();
  }
}
