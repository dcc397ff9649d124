import type { Kysely } from 'kysely';
import { isMessageCode, issueMessage, type MessageCode } from '../../../common/messages/index.js';
import { KickoffPlanSchema, type KickoffPlan, type KickoffResult } from '../../../common/schemas/kickoff.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, fieldError, type FieldProblem } from '../../lib/errors.js';
import { assertCanAddToAccount, type Actor } from '../access/index.js';
import type { AccountService } from '../accounts/index.js';
import { recordAudit } from '../audit/index.js';
import { textIn, type CatalogService } from '../catalog/index.js';
import type { MilestoneService } from '../plans/index.js';
import type { ProjectService } from '../projects/index.js';
import type { TaskService } from '../tasks/index.js';
import { RoleAssigner } from './kickoff.assign.js';
import { planDelivery, type SoldService } from './kickoff.plan.js';
import { candidatesFor } from './kickoff.repository.js';

/** A task's estimate may not exceed this (the tasks' own limit). */
const MAX_TASK_HOURS = 10_000;

/**
 * Starts a project from catalog services: the project at stage brief, its milestones and tasks
 * from the services' delivery templates, the tasks given to specialists by role, all in one
 * transaction (all or nothing). The proposals module calls it when an accepted proposal
 * becomes a project.
 */
export class KickoffService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly accounts: AccountService,
    private readonly catalog: CatalogService,
    private readonly projects: ProjectService,
    private readonly milestones: MilestoneService,
    private readonly tasks: TaskService,
  ) {}

  start(actor: Actor, plan: KickoffPlan): Promise<KickoffResult> {
    return this.db.transaction().execute((t) => this.startIn(t, actor, plan));
  }

  /** The kickoff in the caller's transaction (with the proposal's own changes). */
  async startIn(t: Kysely<DB>, actor: Actor, input: KickoffPlan): Promise<KickoffResult> {
    const plan = parsePlan(input);
    const account = await this.accounts.findOwned(plan.accountId, t);
    assertCanAddToAccount(actor, account);
    const sold = await this.soldServices(t, actor, plan.services);
    const delivery = planDelivery(sold, plan.startDate, account.language);
    const tooBig = delivery.tasks.find((task) => task.hours > MAX_TASK_HOURS);
    if (tooBig) {
      throw fieldError('services', 'kickoff.hours_too_many', { title: tooBig.title, name: tooBig.serviceName, hours: tooBig.hours });
    }

    const project = await this.projects.createIn(
      t,
      actor,
      {
        accountId: account.id,
        name: plan.name,
        kind: delivery.kind,
        stage: 'brief',
        startDate: plan.startDate,
        dueDate: delivery.dueDate,
        budgetMinor: plan.budgetMinor,
        currency: plan.currency,
        reportSchedule: 'none',
        reportDay: 1,
        reportHour: 9,
        shareBudget: false,
        actBasis: 'hours',
      },
      { services: [...new Set(sold.map((s) => textIn(s.entry.name, account.language) ?? s.entry.id))], dealId: plan.dealId ?? null },
    );
    const milestoneIds: string[] = [];
    for (const m of delivery.milestones) {
      const created = await this.milestones.createIn(t, actor, {
        projectId: project.id,
        title: m.title,
        dueDate: m.dueDate,
        status: 'planned',
      });
      milestoneIds.push(created.id);
    }
    const assigner = new RoleAssigner(await candidatesFor(t, [...new Set(delivery.tasks.map((x) => x.role))]));
    const unassigned = new Set<string>();
    for (const task of delivery.tasks) {
      const assignee = assigner.next(task.role);
      if (!assignee) unassigned.add(task.role);
      await this.tasks.createIn(t, actor, {
        projectId: project.id,
        title: task.title,
        assigneeId: assignee?.id ?? null,
        role: task.role,
        status: 'todo',
        blockedReason: null,
        dueDate: task.dueDate,
        estimateHours: task.hours,
        spentHours: 0,
        milestoneId: task.milestone === null ? null : milestoneIds[task.milestone],
      });
    }
    const result: KickoffResult = {
      projectId: project.id,
      milestones: milestoneIds.length,
      tasks: delivery.tasks.length,
      unassignedRoles: [...unassigned],
    };
    await recordAudit(t, {
      actorId: actor.id,
      recordType: 'project',
      recordId: project.id,
      action: 'update',
      after: {
        plannedFrom: plan.services,
        dealId: plan.dealId ?? null,
        milestones: result.milestones,
        tasks: result.tasks,
        unassignedRoles: result.unassignedRoles,
      },
      at: this.clock.now().toISOString(),
    });
    return result;
  }

  /** The services in the order sold; an unknown or inactive one is refused by its place in the list. */
  private async soldServices(t: Kysely<DB>, actor: Actor, services: { serviceId: string; quantity: number }[]): Promise<SoldService[]> {
    const entries = new Map(
      (
        await this.catalog.servicesByIds(
          services.map((s) => s.serviceId),
          t,
        )
      ).map((e) => [e.id, e]),
    );
    return services.map((s, i) => {
      const entry = entries.get(s.serviceId);
      if (!entry) throw fieldError(`services.${i}.serviceId`, 'kickoff.service_unknown', { serviceId: s.serviceId });
      if (!entry.active)
        throw fieldError(`services.${i}.serviceId`, 'kickoff.service_inactive', {
          name: textIn(entry.name, actor.language ?? 'en') ?? entry.id,
        });
      return { entry, quantity: s.quantity };
    });
  }
}

/** The plan as the schema reads it, or a 400 naming each field that is wrong (as a request's body would be answered). */
function parsePlan(input: KickoffPlan) {
  const parsed = KickoffPlanSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors: FieldProblem[] = parsed.error.issues.map((issue) => {
    const { code, params } = issueMessage(issue, isMessageCode);
    return { field: issue.path.join('.') || 'plan', code: code as MessageCode, params };
  });
  if (errors.length === 1) return throwProblem(errors[0].code, errors[0].params, errors);
  return throwProblem('validation.failed', { fields: [...new Set(errors.map((e) => e.field))] }, errors);
}

function throwProblem(code: MessageCode, params: FieldProblem['params'], errors: FieldProblem[]): never {
  throw new AppError(400, code, params, errors);
}
