import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { HealthSnapshotsTable } from '../../db/tables/health.js';

/** Snapshots per insert statement (six values each, far below both databases' parameter limits). */
const INSERT_CHUNK = 500;

/** The `health_snapshots` table: the only place health's SQL lives. */
export class HealthRepository {
  constructor(private readonly db: Database) {}

  /** One account's snapshots from `from` on, oldest first. */
  trend(accountId: string, from: string) {
    return this.db
      .selectFrom('health_snapshots')
      .select(['day', 'score', 'grade'])
      .where('account_id', '=', accountId)
      .where('day', '>=', from)
      .orderBy('day')
      .execute();
  }

  /** Whether the day has snapshots already. */
  async hasDay(t: Kysely<DB>, day: string): Promise<boolean> {
    return (await t.selectFrom('health_snapshots').select('account_id').where('day', '=', day).limit(1).executeTakeFirst()) !== undefined;
  }

  async insert(t: Kysely<DB>, rows: HealthSnapshotsTable[]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK)
      await t
        .insertInto('health_snapshots')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .execute();
  }
}
