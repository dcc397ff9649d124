import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { RequirementHistoryTable, RequirementsTable } from '../../db/tables/delivery.js';
import { projectScope, type Actor, type OnAccount } from '../access/index.js';

export type RequirementRow = Selectable<RequirementsTable>;
export type RequirementHistoryRow = Selectable<RequirementHistoryTable>;
/** A requirement with its account's ownership, which decides who may agree to it. */
export type RequirementOnAccountRow = RequirementRow & OnAccount;

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

  /**
   * Requirements proposed or changed since agreement on any of these projects, as far as the
   * actor reads the projects: one query, in each project's order of creation.
   */
  undecided(actor: Actor, projectIds: readonly string[]): Promise<RequirementOnAccountRow[]> {
    if (projectIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('requirements')
      .innerJoin('projects', 'projects.id', 'requirements.project_id')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .selectAll('requirements')
      .select(['projects.account_id', 'accounts.owner_id', 'accounts.backup_owner_id'])
      .where('requirements.project_id', 'in', projectIds)
      .where('requirements.status', 'in', ['proposed', 'changed'])
      .where((eb) => projectScope(actor, eb))
      .orderBy('requirements.created_at')
      .orderBy('requirements.id')
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
