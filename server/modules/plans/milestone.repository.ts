import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { MilestonesTable } from '../../db/tables/delivery.js';

export type MilestoneRow = Selectable<MilestonesTable>;

/** The `milestones` table: the phases of each project's plan. */
export class MilestoneRepository {
  constructor(private readonly db: Database) {}

  find(id: string, trx: Kysely<DB> = this.db): Promise<MilestoneRow | undefined> {
    return trx.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A project's plan by due date (a plan has at most a few hundred milestones). */
  ofProject(projectId: string): Promise<MilestoneRow[]> {
    return this.db
      .selectFrom('milestones')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('due_date')
      .orderBy('id')
      .limit(500)
      .execute();
  }

  async hasAny(trx: Kysely<DB>, projectId: string): Promise<boolean> {
    return !!(await trx.selectFrom('milestones').select('id').where('project_id', '=', projectId).limit(1).executeTakeFirst());
  }

  async insert(trx: Kysely<DB>, row: Insertable<MilestonesTable>): Promise<void> {
    await trx.insertInto('milestones').values(row).execute();
  }

  /** Stamps every milestone of the project as approved by the client. */
  async markApproved(trx: Kysely<DB>, projectId: string, at: string): Promise<void> {
    await trx.updateTable('milestones').set({ client_approved_at: at }).where('project_id', '=', projectId).execute();
  }

  async delete(trx: Kysely<DB>, id: string): Promise<void> {
    await trx.deleteFrom('milestones').where('id', '=', id).execute();
  }
}
