import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  Project,
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectUpdateSchema,
  TeamSetSchema,
} from '../../../common/schemas/project.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { runAfterCommit, type AfterCommit } from '../../lib/after-commit.js';
import type { Clock } from '../../lib/clock.js';
import { badRequest, fieldError, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/text.js';
import {
  TASK_ASSIGNEE_ROLES,
  assertCanAddToAccount,
  assertCanManageDelivery,
  canReadAccount,
  owningAccount,
  type Actor,
} from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import type { AgencyCalendar } from '../settings/index.js';
import { recordAudit, updateVersioned } from '../audit/index.js';
import type { TimelineLog } from '../timeline/index.js';
import type { UserService } from '../users/index.js';
import { briefLanguage, type BriefTemplateService } from './brief-template.service.js';
import { allowedStages, presentProject, type ProjectRow } from './project.presenter.js';
import { ProjectRepository, type PlanState } from './project.repository.js';
import type { PlanStatus, ProjectStage, ReportSchedule } from '../../../common/enums.js';

export type NewProject = z.output<typeof ProjectCreateSchema>;
type ProjectChanges = z.output<typeof ProjectUpdateSchema>;

/** What a project was started from, when not by hand: the catalog services (by name) and the deal they were sold in. */
export interface ProjectOrigin {
  services: string[];
  dealId: string | null;
}

/** Projects of an account, moving through their stages; the manager organises the team. */
/** Called in the transaction that moves a project to another stage; what it answers runs after the commit. */
export type ProjectStageListener = (
  t: Kysely<DB>,
  change: { projectId: string; accountId: string; from: ProjectStage; to: ProjectStage },
) => Promise<AfterCommit | void>;

export class ProjectService {
  private readonly repo: ProjectRepository;
  private readonly stageListeners: ProjectStageListener[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly users: UserService,
    private readonly timeline: TimelineLog,
    private readonly briefs: BriefTemplateService,
    private readonly calendar: AgencyCalendar,
  ) {
    this.repo = new ProjectRepository(db);
  }

  /** Lets a module above take part when a project changes stage (surveys ask the client once it is delivered). */
  onStageChanged(listener: ProjectStageListener): void {
    this.stageListeners.push(listener);
  }

  async list(actor: Actor, query: z.output<typeof ProjectListQuerySchema>) {
    const page = await this.repo.list(actor, query);
    return { items: await this.presentMany(actor, page.items), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Project> {
    return (await this.presentMany(actor, [await this.readable(actor, id)]))[0];
  }

  /** The project row if the actor may read it, else 404. */
  async readable(actor: Actor, id: string, trx?: Kysely<DB>): Promise<ProjectRow> {
    const row = await this.repo.findReadable(actor, id, trx);
    if (!row) throw notFound('project');
    return row;
  }

  /** The project row if the actor may change its delivery: 404 when unreadable, 403 when read-only. */
  async writable(actor: Actor, id: string, trx?: Kysely<DB>): Promise<ProjectRow> {
    const row = await this.repo.find(id, trx);
    if (!row || !canReadAccount(actor, owningAccount(row))) throw notFound('project');
    assertCanManageDelivery(actor, owningAccount(row));
    return row;
  }

  async presentMany(actor: Actor, rows: ProjectRow[], trx?: Kysely<DB>): Promise<Project[]> {
    const teams = await this.repo.teams(
      rows.map((r) => r.id),
      trx,
    );
    const today = await this.calendar.today(trx);
    return rows.map((r) => presentProject(r, teams.get(r.id)!, actor, today));
  }

  async create(actor: Actor, input: NewProject): Promise<Project> {
    return this.db.transaction().execute((t) => this.createIn(t, actor, input));
  }

  /**
   * Creates the project in the caller's transaction (a kickoff plans it from catalog services
   * in the same one); `origin` says on the timeline what it was started from.
   */
  async createIn(t: Kysely<DB>, actor: Actor, input: NewProject, origin?: ProjectOrigin): Promise<Project> {
    const account = await this.accounts.findOwned(input.accountId, t);
    assertCanAddToAccount(actor, account);
    assertDates(input.startDate, input.dueDate);
    assertReportDay(input.reportSchedule, input.reportDay);
    const now = this.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(t, {
      id,
      account_id: account.id,
      name: input.name,
      search_text: searchText(input.name),
      kind: input.kind,
      stage: input.stage,
      start_date: input.startDate ?? null,
      due_date: input.dueDate ?? null,
      budget_minor: input.budgetMinor ?? null,
      currency: input.currency ?? account.currency,
      report_schedule: input.reportSchedule,
      report_day: input.reportDay,
      report_hour: input.reportHour,
      share_budget: input.shareBudget ? 1 : 0,
      act_basis: input.actBasis,
      plan_status: 'draft',
      // The client is asked in the language the account speaks.
      brief_questions: JSON.stringify(await this.briefs.questions(input.kind, briefLanguage(account.language), t)),
      created_at: now,
      updated_at: now,
    });
    const [project] = await this.presentMany(actor, [(await this.repo.find(id, t))!], t);
    await this.timeline.recordEvent(t, {
      accountId: account.id,
      kind: 'project_created',
      actorId: actor.id,
      occurredAt: now,
      data: { projectId: id, name: input.name, ...(origin ? { origin } : {}) },
    });
    await recordAudit(t, { actorId: actor.id, recordType: 'project', recordId: id, action: 'create', after: project, at: now });
    return project;
  }

  async update(actor: Actor, id: string, changes: ProjectChanges, expected?: number): Promise<Project> {
    const afterCommit: (AfterCommit | void)[] = [];
    const updated = await this.db.transaction().execute(async (t) => {
      const row = await this.writable(actor, id, t);
      const [before] = await this.presentMany(actor, [row], t);
      const stage = changes.stage && changes.stage !== row.stage ? changes.stage : undefined;
      if (stage && !allowedStages(row.stage, row.stage_before_hold).includes(stage)) {
        const allowed = allowedStages(row.stage, row.stage_before_hold);
        throw badRequest('project.stage_not_allowed', { from: row.stage, allowed, to: stage }, [
          { field: 'stage', code: 'project.stage_field', params: { from: row.stage } },
        ]);
      }
      assertDates(
        changes.startDate !== undefined ? changes.startDate : row.start_date,
        changes.dueDate !== undefined ? changes.dueDate : row.due_date,
      );
      assertReportDay(changes.reportSchedule ?? row.report_schedule, changes.reportDay ?? row.report_day);
      const now = this.clock.now().toISOString();
      const after = await updateVersioned(t, {
        table: 'projects',
        id,
        version: expected ?? row.version,
        set: {
          name: changes.name,
          search_text: changes.name ? searchText(changes.name) : undefined,
          kind: changes.kind,
          stage,
          stage_before_hold: stage === 'on_hold' ? row.stage : stage ? null : undefined,
          start_date: changes.startDate,
          due_date: changes.dueDate,
          budget_minor: changes.budgetMinor,
          currency: changes.currency,
          report_schedule: changes.reportSchedule,
          report_day: changes.reportDay,
          report_hour: changes.reportHour,
          share_budget: changes.shareBudget === undefined ? undefined : changes.shareBudget ? 1 : 0,
          act_basis: changes.actBasis,
          updated_at: now,
        },
        audit: { actorId: actor.id, recordType: 'project', before, at: now },
        after: async () => (await this.presentMany(actor, [(await this.repo.find(id, t))!], t))[0],
      });
      if (stage) {
        await this.timeline.recordEvent(t, {
          accountId: row.account_id,
          kind: 'stage_changed',
          actorId: actor.id,
          occurredAt: now,
          data: { projectId: id, name: after.name, from: row.stage, to: stage },
        });
        for (const listener of this.stageListeners)
          afterCommit.push(await listener(t, { projectId: id, accountId: row.account_id, from: row.stage, to: stage }));
      }
      return after;
    });
    await runAfterCommit(afterCommit);
    return updated;
  }

  /** Replaces the team; every member must be an active specialist. */
  async setTeam(actor: Actor, id: string, members: z.output<typeof TeamSetSchema>['members']): Promise<Project> {
    return this.db.transaction().execute(async (t) => {
      const row = await this.writable(actor, id, t);
      const [before] = await this.presentMany(actor, [row], t);
      const ids = [...new Set(members.map((m) => m.userId))];
      const found = await this.users.activeWithRole(t, ids, TASK_ASSIGNEE_ROLES);
      if (found.length !== ids.length) throw fieldError('members', 'project.team_specialists');
      await this.repo.setTeam(t, id, members);
      const [after] = await this.presentMany(actor, [row], t);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'project',
        recordId: id,
        action: 'update',
        before: { team: before.team },
        after: { team: after.team },
        at: this.clock.now().toISOString(),
      });
      return after;
    });
  }

  /** The project row (with its account's owners), no access check: for other modules inside their own checks. */
  find(id: string, trx?: Kysely<DB>): Promise<ProjectRow | undefined> {
    return this.repo.find(id, trx);
  }

  /** A project named on another record (an invoice, an interaction) must belong to that record's account. */
  async assertOfAccount(trx: Kysely<DB>, projectId: string, accountId: string, field = 'projectId'): Promise<void> {
    const project = await this.repo.find(projectId, trx);
    if (!project || project.account_id !== accountId) throw fieldError(field, 'project.not_of_account');
  }

  /** Every currency projects and accounts are kept in, for settings that need one value per currency. */
  currenciesInUse(): Promise<string[]> {
    return this.repo.currenciesInUse();
  }

  /** Puts a specialist on the team (when given a task), unless they are on it already. */
  addTeamMember(trx: Kysely<DB>, projectId: string, userId: string, role: string): Promise<void> {
    return this.repo.addMember(trx, projectId, userId, role);
  }

  /** Moves the plan's agreement state (the plans module owns the rules); bumps the project's version. */
  setPlanState(trx: Kysely<DB>, projectId: string, state: PlanState, onlyFrom?: PlanStatus): Promise<void> {
    return this.repo.setPlanState(trx, projectId, state, this.clock.now().toISOString(), onlyFrom);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction().execute(async (t) => {
      const row = await this.writable(actor, id, t);
      const [before] = await this.presentMany(actor, [row], t);
      await this.repo.delete(t, id);
      await recordAudit(t, {
        actorId: actor.id,
        recordType: 'project',
        recordId: id,
        action: 'delete',
        before,
        at: this.clock.now().toISOString(),
      });
    });
  }
}

/** A weekly report goes out on a weekday (1–7); a monthly one on a day every month has (1–28). */
function assertReportDay(schedule: ReportSchedule, day: number) {
  if (schedule === 'weekly' && day > 7) throw fieldError('reportDay', 'project.report_weekday');
}

function assertDates(start: string | null | undefined, due: string | null | undefined) {
  if (start && due && due < start) throw fieldError('dueDate', 'project.dates_order');
}
