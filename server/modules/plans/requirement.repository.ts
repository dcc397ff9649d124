import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { RequirementHistoryTable, RequirementsTable } from '../../db/tables/delivery.js';

export type RequirementRow = Selectable<RequirementsTable>;
export type RequirementHistoryRow = Selectable<RequirementHistoryTable>;

/** The `requirements` table and the history of their earlier texts and states. */
export class RequirementRepository {
  constructor(private readonly db: Database) {}

  find(id: string, trx: Kysely<DB> = this.db): Promise<RequirementRow | undefined> {
    return trx.selectFrom('requirements').selectAll().where('id', '=', id).executeTakeFirst();
  }

  ofProject(projectId: string, trx: Kysely<DB> = this.db): Promise<RequirementRow[]> {
    return trx
      .selectFrom('requirements')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('created_at')
      .orderBy('id')
      .limit(500)
      .execute();
  }

  /** History of many requirements in one query, oldest first. */
  history(ids: string[], trx: Kysely<DB> = this.db): Promise<RequirementHistoryRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return trx
      .selectFrom('requirement_history')
      .selectAll()
      .where('requirement_id', 'in', ids)
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
  }

  async insert(trx: Kysely<DB>, row: Insertable<RequirementsTable>): Promise<void> {
    await trx.insertInto('requirements').values(row).execute();
  }

  async addHistory(trx: Kysely<DB>, row: Insertable<RequirementHistoryTable>): Promise<void> {
    await trx.insertInto('requirement_history').values(row).execute();
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('requirements').where('id', '=', id).execute();
  }
}
