import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Milestone, MilestoneCreateSchema, MilestoneUpdateSchema } from '../../../common/schemas/plan.js';
import type { Database } from '../../db/database.js';
import type { MilestonesTable } from '../../db/tables/delivery.js';
import { updateIfVersion } from '../../db/versioned.js';
import type { Clock } from '../../lib/clock.js';
import { notFound, preconditionFailed } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.recorder.js';
import type { ProjectService } from '../projects/project.service.js';
import type { PlanService } from './plan.service.js';
import { withRecordMeta } from '../../lib/presenter.js';

const present = (r: Selectable<MilestonesTable>): Milestone =>
  withRecordMeta(r, {
    projectId: r.project_id,
    title: r.title,
    dueDate: r.due_date,
    status: r.status as Milestone['status'],
    clientApprovedAt: r.client_approved_at,
  });

/** Phases of a project's work plan. Changing dates or titles after approval reopens the plan. */
export class MilestoneService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly plans: PlanService,
  ) {}

  async list(actor: Actor, projectId: string) {
    await this.projects.readable(actor, projectId);
    const rows = await this.db
      .selectFrom('milestones')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('due_date')
      .orderBy('id')
      .limit(500)
      .execute();
    return { items: rows.map(present), nextCursor: null };
  }

  async get(actor: Actor, id: string) {
    const row = await this.db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('milestone');
    await this.projects.readable(actor, row.project_id).catch(() => {
      throw notFound('milestone');
    });
    return present(row);
  }

  async create(actor: Actor, input: z.output<typeof MilestoneCreateSchema>): Promise<Milestone> {
    return this.db.transaction().execute(async (t) => {
      await this.projects.writable(actor, input.projectId, t);
      const now = this.clock.now().toISOString();
      const id = newId();
      await t
        .insertInto('milestones')
        .values({
          id,
          project_id: input.projectId,
          title: input.title,
          due_date: input.dueDate,
          status: input.status,
          client_approved_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await this.plans.markChanged(t, input.projectId, now);
      const created = present(await t.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      await recordAudit(t, { actorId: actor.id, recordType: 'milestone', recordId: id, action: 'create', after: created, at: now });
      return created;
    });
  }

  async update(actor: Actor, id: string, changes: z.output<typeof MilestoneUpdateSchema>, expected?: number): Promise<Milestone> {
    return this.db.transaction().execute(async (t) => {
      const row = await t.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('milestone');
      await this.projects.writable(actor, row.project_id, t).catch((e) => {
        throw e.status === 404 ? notFound('milestone') : e;
      });
      const now = this.clock.now().toISOString();
      const ok = await updateIfVersion(t, 'milestones', id, expected ?? row.version, {
        title: changes.title,
        due_date: changes.dueDate,
        status: changes.status,
        updated_at: now,
      });
      if (!ok) throw preconditionFailed();
      const planChanged =
        (changes.title !== undefined && changes.title !== row.title) || (changes.dueDate !== undefined && changes.dueDate !== row.due_date);
      if (planChanged) await this.plans.markChanged(t, row.project_id, now);
      const after = present(await t.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'milestone',
        recordId: id,
        action: 'update',
        before: present(row),
        after,
        at: now,
      });
      return after;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await t.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound('milestone');
      await this.projects.writable(actor, row.project_id, t);
      const now = this.clock.now().toISOString();
      await t.deleteFrom('milestones').where('id', '=', id).execute();
      await this.plans.markChanged(t, row.project_id, now);
      await recordAudit(t, { actorId: actor.id, recordType: 'milestone', recordId: id, action: 'delete', before: present(row), at: now });
    });
  }
}
