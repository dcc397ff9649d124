import type { Insertable, Kysely } from 'kysely';
import type { DB, TimelineEventsTable } from '../../db/schema.js';

/** The `timeline_events` table: what the system did on an account. */
export class TimelineRepository {
  async insert(trx: Kysely<DB>, row: Insertable<TimelineEventsTable>): Promise<void> {
    await trx.insertInto('timeline_events').values(row).execute();
  }
}
