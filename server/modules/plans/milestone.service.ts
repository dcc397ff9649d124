import type { z } from 'zod';
import type { Milestone, MilestoneCreateSchema, MilestoneUpdateSchema } from '../../../common/schemas/plan.js';
import type { Database } from '../../db/database.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { runAfterCommit, type AfterCommit } from '../../lib/after-commit.js';
import { doneOnAfter } from '../../lib/done-on.js';
import { asNotFound, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { milestoneAbilities, seesProjectFinances, type Actor, type OnAccount } from '../access/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import { isMilestoneLate, type ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { MilestoneRepository, type MilestoneRow } from './milestone.repository.js';
import type { PlanService } from './plan.service.js';

export type NewMilestone = z.output<typeof MilestoneCreateSchema>;

/** The milestone as `actor` sees it on the agency's `today`; what they may do with it follows its project's account. */
const present = (r: MilestoneRow, actor: Actor, project: OnAccount, today: string): Milestone =>
  withRecordMeta(r, {
    projectId: r.project_id,
    title: r.title,
    dueDate: r.due_date,
    status: r.status,
    late: isMilestoneLate(r, today),
    clientApprovedAt: r.client_approved_at,
    priceMinor: seesProjectFinances(actor) ? r.price_minor : null,
    doneOn: r.done_on,
    can: milestoneAbilities(actor, project),
  });

/** Called in the transaction that marks a milestone done; what it answers runs after the commit. */
export type MilestoneDoneListener = (t: Kysely<DB>, m: { milestoneId: string; projectId: string }) => Promise<AfterCommit | void>;

/** Phases of a project's work plan. Changing dates or titles after approval reopens the plan. */
export class MilestoneService {
  private readonly repo: MilestoneRepository;
  private readonly doneListeners: MilestoneDoneListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly plans: PlanService,
    private readonly calendar: AgencyCalendar,
  ) {
    this.repo = new MilestoneRepository(db);
  }

  /** Lets a module above take part when a milestone is done (surveys ask the client about it). */
  onDone(listener: MilestoneDoneListener): void {
    this.doneListeners.push(listener);
  }

  private async done(t: Kysely<DB>, milestoneId: string, projectId: string): Promise<(AfterCommit | void)[]> {
    const work: (AfterCommit | void)[] = [];
    for (const listener of this.doneListeners) work.push(await listener(t, { milestoneId, projectId }));
    return work;
  }

  async list(actor: Actor, projectId: string) {
    const project = await this.projects.readable(actor, projectId);
    const today = await this.calendar.today();
    return { items: (await this.repo.ofProject(projectId)).map((r) => present(r, actor, project, today)), nextCursor: null };
  }

  async get(actor: Actor, id: string) {
    const row = await this.repo.find(id);
    if (!row) throw notFound('milestone');
    const project = await this.projects.readable(actor, row.project_id).catch(asNotFound('milestone'));
    return present(row, actor, project, await this.calendar.today());
  }

  /** Whether the milestone belongs to the project (a task names one of its project's milestones). */
  async belongsTo(trx: Kysely<DB>, milestoneId: string, projectId: string): Promise<boolean> {
    const row = await this.repo.find(milestoneId, trx);
    return row?.project_id === projectId;
  }

  async create(actor: Actor, input: NewMilestone): Promise<Milestone> {
    return this.db.transaction().execute((t) => this.createIn(t, actor, input));
  }

  /** Adds the milestone in the caller's transaction (a kickoff plans a new project in one). */
  async createIn(t: Kysely<DB>, actor: Actor, input: NewMilestone): Promise<Milestone> {
    const project = await this.projects.writable(actor, input.projectId, t);
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(t, {
      id,
      project_id: input.projectId,
      title: input.title,
      due_date: input.dueDate,
      status: input.status,
      price_minor: input.priceMinor ?? null,
      done_on: input.status === 'done' ? await this.calendar.today(t) : null,
      client_approved_at: null,
      created_at: now,
      updated_at: now,
    });
    await this.plans.markChanged(t, input.projectId);
    // Created done in the caller's transaction (a kickoff's): what the listeners queued goes at the next delivery round.
    if (input.status === 'done') await this.done(t, id, input.projectId);
    const created = present((await this.repo.find(id, t))!, actor, project, await this.calendar.today(t));
    await recordAudit(t, { actorId: actor.id, recordType: 'milestone', recordId: id, action: 'create', after: created, at: now });
    return created;
  }

  async update(actor: Actor, id: string, changes: z.output<typeof MilestoneUpdateSchema>, expected?: number): Promise<Milestone> {
    const { updated, afterCommit } = await this.db.transaction().execute(async (t) => {
      const row = await this.repo.find(id, t);
      if (!row) throw notFound('milestone');
      const project = await this.projects.writable(actor, row.project_id, t).catch(asNotFound('milestone'));
      const now = this.clock.now().toISOString();
      const today = await this.calendar.today(t);
      const after = await updateVersioned(t, {
        table: 'milestones',
        id,
        version: expected ?? row.version,
        set: {
          title: changes.title,
          due_date: changes.dueDate,
          status: changes.status,
          price_minor: changes.priceMinor,
          done_on: await doneOnAfter(row, changes, () => this.calendar.today(t)),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'milestone', before: present(row, actor, project, today), at: now },
        after: async () => present((await this.repo.find(id, t))!, actor, project, today),
      });
      const planChanged =
        (changes.title !== undefined && changes.title !== row.title) || (changes.dueDate !== undefined && changes.dueDate !== row.due_date);
      if (planChanged) await this.plans.markChanged(t, row.project_id);
      const done = changes.status === 'done' && row.status !== 'done';
      return { updated: after, afterCommit: done ? await this.done(t, id, row.project_id) : [] };
    });
    await runAfterCommit(afterCommit);
    return updated;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.repo.find(id, t);
      if (!row) throw notFound('milestone');
      const project = await this.projects.writable(actor, row.project_id, t);
      await this.repo.delete(t, id);
      await this.plans.markChanged(t, row.project_id);
      const at = this.clock.now().toISOString();
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'milestone',
        recordId: id,
        action: 'delete',
        before: present(row, actor, project, await this.calendar.today(t)),
        at,
      });
    });
  }
}
