import type { Kysely } from 'kysely';
import type { Language } from '../../../common/enums.js';
import type { z } from 'zod';
import type { Task, TaskCreateSchema, TaskDetail, TaskListQuerySchema, TaskUpdateSchema } from '../../../common/schemas/task.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { doneOnAfter } from '../../lib/done-on.js';
import { fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import { TASK_ASSIGNEE_ROLES, assertCanChangeTask, assertSeesTasks, seesProjectFinances, type Actor } from '../access/index.js';
import { listRecordHistory, recordAudit, updateVersioned } from '../audit/index.js';
import type { MilestoneService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import type { UserService } from '../users/index.js';
import type { RoleSettingsService } from './role.settings.js';
import { presentTask, presentTaskCost } from './task.presenter.js';
import { TaskRepository, type TaskRow } from './task.repository.js';

export type NewTask = z.output<typeof TaskCreateSchema>;
type TaskChanges = z.output<typeof TaskUpdateSchema>;

/** A hook other modules add to refuse new work (for example, a stop-work flag on unpaid debt). */
/** Refuses new work on an account (a 409 worded in the actor's `language`). */
export type WorkGuard = (trx: Kysely<DB>, accountId: string, language?: Language) => Promise<void>;

/** Called in the transaction of a task given to someone (created with an assignee or reassigned), with who gave it. */
export type AssignmentListener = (trx: Kysely<DB>, task: Task, actorId: string) => Promise<void>;

/** Specialists' tasks on projects: the manager assigns, the specialist moves them along. */
export class TaskService {
  private readonly repo: TaskRepository;
  private readonly guards: WorkGuard[] = [];
  private readonly assignmentListeners: AssignmentListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly projects: ProjectService,
    private readonly milestones: MilestoneService,
    private readonly users: UserService,
    private readonly roles: RoleSettingsService,
    private readonly calendar: AgencyCalendar,
  ) {
    this.repo = new TaskRepository(db);
  }

  /** Registers a check that runs before any new task is created. */
  addWorkGuard(guard: WorkGuard) {
    this.guards.push(guard);
  }

  /** Lets another module act when a task is given to someone (telling them), in the change's transaction. */
  onAssigned(listener: AssignmentListener): void {
    this.assignmentListeners.push(listener);
  }

  async list(actor: Actor, query: z.output<typeof TaskListQuerySchema>) {
    assertSeesTasks(actor);
    const page = await this.repo.list(actor, query);
    const today = await this.calendar.today();
    return { items: page.items.map((r) => presentTask(r, actor, today)), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Task> {
    const row = await this.repo.findReadable(actor, id);
    if (!row) throw notFound('task');
    return presentTask(row, actor, await this.calendar.today());
  }

  /** One task on its own page: with its cost, for those who see rates and budgets. */
  async detail(actor: Actor, id: string): Promise<TaskDetail> {
    const row = await this.repo.findReadable(actor, id);
    if (!row) throw notFound('task');
    const cost = seesProjectFinances(actor) ? presentTaskCost(row, (await this.roles.load()).roleRates) : null;
    return { ...presentTask(row, actor, await this.calendar.today()), cost };
  }

  /** Who changed what on the task and when, newest first: for everyone who may read the task. */
  async history(actor: Actor, id: string, page: { limit: number; cursor?: string }) {
    await this.get(actor, id);
    return listRecordHistory(this.db, 'task', id, page);
  }

  async create(actor: Actor, input: NewTask): Promise<Task> {
    return this.db.transaction().execute((t) => this.createIn(t, actor, input));
  }

  /** Adds the task in the caller's transaction (a kickoff plans a new project in one); the work guards apply. */
  async createIn(t: Kysely<DB>, actor: Actor, input: NewTask): Promise<Task> {
    const project = await this.projects.writable(actor, input.projectId, t);
    for (const guard of this.guards) await guard(t, project.account_id, actor.language);
    const role = await this.resolveRole(t, input.assigneeId ?? null, input.role ?? null);
    await this.assertMilestone(t, input.projectId, input.milestoneId ?? null);
    assertBlockedReason(input.status, input.blockedReason ?? null);
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(t, {
      id,
      project_id: project.id,
      account_id: project.account_id,
      title: input.title,
      search_text: searchText(input.title),
      assignee_id: input.assigneeId ?? null,
      role,
      status: input.status,
      blocked_reason: input.status === 'blocked' ? (input.blockedReason ?? null) : null,
      due_date: input.dueDate ?? null,
      estimate_hours: input.estimateHours,
      spent_hours: input.spentHours,
      milestone_id: input.milestoneId ?? null,
      done_on: input.status === 'done' ? await this.calendar.today(t) : null,
      created_at: now,
      updated_at: now,
    });
    if (input.assigneeId && role) await this.projects.addTeamMember(t, project.id, input.assigneeId, role);
    const task = presentTask((await this.repo.find(id, t))!, actor, await this.calendar.today(t));
    await recordAudit(t, { actorId: actor.id, recordType: 'task', recordId: id, action: 'create', after: task, at: now });
    if (task.assigneeId) for (const listener of this.assignmentListeners) await listener(t, task, actor.id);
    return task;
  }

  async update(actor: Actor, id: string, changes: TaskChanges, expected?: number): Promise<Task> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id, Object.keys(changes));
      const status = changes.status ?? row.status;
      const reason = changes.blockedReason !== undefined ? changes.blockedReason : row.blocked_reason;
      assertBlockedReason(status, reason);
      const assigneeChanged = changes.assigneeId !== undefined && changes.assigneeId !== row.assignee_id;
      const role =
        assigneeChanged || changes.role !== undefined
          ? await this.resolveRole(
              t,
              changes.assigneeId !== undefined ? changes.assigneeId : row.assignee_id,
              changes.role !== undefined ? changes.role : row.role,
            )
          : undefined;
      if (changes.milestoneId) await this.assertMilestone(t, row.project_id, changes.milestoneId);
      const now = this.clock.now().toISOString();
      const today = await this.calendar.today(t);
      const after = await updateVersioned(t, {
        table: 'tasks',
        id,
        version: expected ?? row.version,
        set: {
          title: changes.title,
          search_text: changes.title ? searchText(changes.title) : undefined,
          assignee_id: changes.assigneeId,
          role,
          status: changes.status,
          blocked_reason: status === 'blocked' ? reason : null,
          due_date: changes.dueDate,
          estimate_hours: changes.estimateHours,
          spent_hours: changes.spentHours,
          milestone_id: changes.milestoneId,
          // the day it was done: acts and status reports of a period take the tasks done in it
          done_on: await doneOnAfter(row, changes, () => Promise.resolve(today)),
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'task', before: presentTask(row, actor, today), at: now },
        after: async () => presentTask((await this.repo.find(id, t))!, actor, today),
      });
      if (assigneeChanged && after.assigneeId && after.role)
        await this.projects.addTeamMember(t, after.projectId, after.assigneeId, after.role);
      if (assigneeChanged && after.assigneeId) for (const listener of this.assignmentListeners) await listener(t, after, actor.id);
      return after;
    });
  }

  /** Late and blocked tasks for the delivery report, within the actor's scope (and one owner's accounts). */
  async troubles(actor: Actor, today: string, ownerId: string | null) {
    const [late, blocked] = await Promise.all([this.repo.late(actor, today, ownerId), this.repo.blocked(actor, ownerId)]);
    return {
      lateTasks: late.map((r) => presentTask(r, actor, today)),
      blockedTasks: blocked.map((r) => presentTask(r, actor, today)),
    };
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.loadForWrite(t, actor, id, ['title']);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'task',
        recordId: id,
        action: 'delete',
        before: presentTask(row, actor, await this.calendar.today(t)),
        at: this.clock.now().toISOString(),
      });
    });
  }

  /** The manager may change anything; the assignee only status, time spent and the block reason. */
  async loadForWrite(t: Kysely<DB>, actor: Actor, id: string, fields: string[]): Promise<TaskRow> {
    const row = await this.repo.findReadable(actor, id, t);
    if (!row) throw notFound('task');
    assertCanChangeTask(actor, row, fields);
    return row;
  }

  /** The assignee must be an active specialist; the role must be one in use, defaulting to theirs. */
  private async resolveRole(t: Kysely<DB>, assigneeId: string | null, role: string | null): Promise<string | null> {
    const { specialistRoles } = await this.roles.load(t);
    if (role && !specialistRoles.includes(role)) throw fieldError('role', 'task.unknown_role', { roles: specialistRoles });
    if (!assigneeId) return role;
    const [user] = await this.users.activeWithRole(t, [assigneeId], TASK_ASSIGNEE_ROLES);
    if (!user) throw fieldError('assigneeId', 'task.assignee_specialist');
    return role ?? (JSON.parse(user.specialties) as string[]).at(0) ?? 'other';
  }

  private async assertMilestone(t: Kysely<DB>, projectId: string, milestoneId: string | null) {
    if (!milestoneId) return;
    if (!(await this.milestones.belongsTo(t, milestoneId, projectId))) throw fieldError('milestoneId', 'milestone.other_project');
  }
}

function assertBlockedReason(status: string, reason: string | null) {
  if (status === 'blocked' && !reason) throw fieldError('blockedReason', 'task.blocked_reason');
}
