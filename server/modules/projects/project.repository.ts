import type { Insertable, Kysely, Updateable } from 'kysely';
import type { PlanStatus } from '../../../common/enums.js';
import type { z } from 'zod';
import type { ProjectListQuerySchema } from '../../../common/schemas/project.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { ProjectsTable } from '../../db/tables/delivery.js';
import { afterCursor, decodeCursor, toPage } from '../../lib/pagination.js';
import { matchesText } from '../../lib/text.js';
import { projectScope, type Actor } from '../access/index.js';
import type { ProjectRow, TeamMember } from './project.presenter.js';

type ProjectListQuery = z.output<typeof ProjectListQuerySchema>;

/** The plan agreement columns of a project. */
export type PlanState = Partial<
  Pick<Updateable<ProjectsTable>, 'plan_status' | 'plan_submitted_at' | 'plan_approved_at' | 'plan_approved_by_id' | 'plan_approval_note'>
>;

export class ProjectRepository {
  constructor(private readonly db: Database) {}

  private base(trx: Kysely<DB> = this.db) {
    return trx
      .selectFrom('projects')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
      .selectAll('projects')
      .select(['accounts.name as account_name', 'accounts.owner_id', 'accounts.backup_owner_id']);
  }

  /** The project with its account's owners, for write checks. */
  find(id: string, trx?: Kysely<DB>): Promise<ProjectRow | undefined> {
    return this.base(trx).where('projects.id', '=', id).executeTakeFirst();
  }

  /** The project if the actor may read it. */
  findReadable(actor: Actor, id: string, trx?: Kysely<DB>): Promise<ProjectRow | undefined> {
    return this.base(trx)
      .where('projects.id', '=', id)
      .where((eb) => projectScope(actor, eb))
      .executeTakeFirst();
  }

  async list(actor: Actor, f: ProjectListQuery) {
    const pos = decodeCursor(f.cursor, 'text');
    let q = this.base()
      .where((eb) => projectScope(actor, eb))
      .orderBy('projects.name')
      .orderBy('projects.id')
      .limit(f.limit + 1);
    if (f.accountId) q = q.where('projects.account_id', '=', f.accountId);
    if (f.stage) q = q.where('projects.stage', '=', f.stage);
    if (f.q) q = q.where(matchesText('projects.search_text', f.q));
    if (pos) q = q.where((eb) => afterCursor(eb, 'projects.name', 'projects.id', 'asc', pos));
    return toPage(await q.execute(), f.limit, (r) => ({ v: r.name, id: r.id }));
  }

  /** Teams of many projects in one query. */
  async teams(ids: string[], trx: Kysely<DB> = this.db): Promise<Map<string, TeamMember[]>> {
    const map = new Map<string, TeamMember[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    const rows = await trx
      .selectFrom('project_members')
      .innerJoin('users', 'users.id', 'project_members.user_id')
      .select(['project_members.project_id', 'project_members.user_id', 'project_members.role', 'users.name'])
      .where('project_members.project_id', 'in', ids)
      .orderBy('users.name')
      .execute();
    for (const r of rows) map.get(r.project_id)!.push({ userId: r.user_id, name: r.name, role: r.role });
    return map;
  }

  /** Every currency a project or an account is kept in (a new project takes its account's). */
  async currenciesInUse(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('projects')
      .select('projects.currency')
      .distinct()
      .union(this.db.selectFrom('accounts').select('accounts.currency').distinct())
      .execute();
    return rows.map((r) => r.currency);
  }

  async insert(trx: Kysely<DB>, row: Insertable<ProjectsTable>) {
    await trx.insertInto('projects').values(row).execute();
  }

  /** Adds a member unless they are already on the team. */
  async addMember(trx: Kysely<DB>, projectId: string, userId: string, role: string) {
    await trx
      .insertInto('project_members')
      .values({ project_id: projectId, user_id: userId, role })
      .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
      .execute();
  }

  async setTeam(trx: Kysely<DB>, projectId: string, members: { userId: string; role: string }[]) {
    await trx.deleteFrom('project_members').where('project_id', '=', projectId).execute();
    const unique = [...new Map(members.map((m) => [m.userId, m])).values()];
    if (unique.length) {
      await trx
        .insertInto('project_members')
        .values(unique.map((m) => ({ project_id: projectId, user_id: m.userId, role: m.role })))
        .execute();
    }
  }

  /** Changes the plan's state columns and bumps the version; with `onlyFrom`, only while the plan is in that state. */
  async setPlanState(trx: Kysely<DB>, id: string, state: PlanState, at: string, onlyFrom?: PlanStatus): Promise<void> {
    let q = trx
      .updateTable('projects')
      .set((eb) => ({ ...state, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', id);
    if (onlyFrom) q = q.where('plan_status', '=', onlyFrom);
    await q.execute();
  }

  async delete(trx: Kysely<DB>, id: string) {
    await trx.deleteFrom('projects').where('id', '=', id).execute();
  }
}
