import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isMessageCode, issueMessage, type MessageCode } from '../../../common/messages/index.js';
import { KickoffPlanSchema, type KickoffPlan, type KickoffResult } from '../../../common/schemas/kickoff.js';
import { ProjectCreateSchema } from '../../../common/schemas/project.js';
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
import type { RoleSettingsService, TaskService } from '../tasks/index.js';
import { RoleAssigner } from './kickoff.assign.js';
import { planDelivery, type DeliveryPlan, type PlannedTask, type SoldService } from './kickoff.plan.js';
import { candidatesFor } from './kickoff.repository.js';

/** A task's estimate may not exceed this (the tasks' own limit). */
const MAX_TASK_HOURS = 10_000;

/** A quantity that would make one of the service's tasks longer than a task may be is refused on that quantity. */
function assertTaskHours(delivery: DeliveryPlan, sold: SoldService[], actor: Actor) {
  const task = delivery.tasks.find((x) => x.hours > MAX_TASK_HOURS);
  if (!task) return;
  const name = nameIn(sold[task.service].entry, actor);
  throw fieldError(`services.${task.service}.quantity`, 'kickoff.hours_too_many', { title: task.title, name, hours: task.hours });
}

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
    private readonly roles: RoleSettingsService,
  ) {}

  start(actor: Actor, plan: KickoffPlan): Promise<KickoffResult> {
    return this.db.transaction().execute((t) => this.startIn(t, actor, plan));
  }

  /** The kickoff in the caller's transaction (with the proposal's own changes). */
  async startIn(t: Kysely<DB>, actor: Actor, input: KickoffPlan): Promise<KickoffResult> {
    const plan = parsed(KickoffPlanSchema, input);
    const account = await this.accounts.findOwned(plan.accountId, t);
    assertCanAddToAccount(actor, account);
    const sold = await this.soldServices(t, actor, plan.services);
    await this.assertRolesInUse(t, actor, sold);
    const delivery = planDelivery(sold, plan.startDate, account.language);
    assertTaskHours(delivery, sold, actor);

    const project = await this.projects.createIn(
      t,
      actor,
      parsed(ProjectCreateSchema, {
        accountId: account.id,
        name: plan.name,
        kind: delivery.kind,
        stage: 'brief',
        startDate: plan.startDate,
        dueDate: delivery.dueDate,
        budgetMinor: plan.budgetMinor,
        currency: plan.currency,
      }),
      { services: [...new Set(sold.map((s) => textIn(s.entry.name, account.language) ?? s.entry.id))], dealId: plan.dealId ?? null },
    );
    const milestoneIds: string[] = [];
    for (const m of delivery.milestones) {
      const milestone = { projectId: project.id, title: m.title, dueDate: m.dueDate, status: 'planned' } as const;
      milestoneIds.push((await this.milestones.createIn(t, actor, milestone)).id);
    }
    const unassignedRoles = await this.createTasks(t, actor, project.id, delivery.tasks, milestoneIds);

    const result = { projectId: project.id, milestones: milestoneIds.length, tasks: delivery.tasks.length, unassignedRoles };
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
        unassignedRoles,
      },
      at: this.clock.now().toISOString(),
    });
    return result;
  }

  /** The tasks, each given to the least-loaded specialist of its role; the roles nobody has, in order met. */
  private async createTasks(t: Kysely<DB>, actor: Actor, projectId: string, tasks: PlannedTask[], milestoneIds: string[]) {
    const assigner = new RoleAssigner(await candidatesFor(t, [...new Set(tasks.map((x) => x.role))]));
    const unassigned = new Set<string>();
    for (const task of tasks) {
      const assignee = assigner.next(task.role);
      if (!assignee) unassigned.add(task.role);
      await this.tasks.createIn(t, actor, {
        projectId,
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
    return [...unassigned];
  }

  /** The services in the order sold; an unknown or inactive one is refused by its place in the list. */
  private async soldServices(t: Kysely<DB>, actor: Actor, services: { serviceId: string; quantity: number }[]): Promise<SoldService[]> {
    const ids = services.map((s) => s.serviceId);
    const entries = new Map((await this.catalog.servicesByIds(ids, t)).map((e) => [e.id, e]));
    return services.map((s, i) => {
      const entry = entries.get(s.serviceId);
      if (!entry) throw fieldError(`services.${i}.serviceId`, 'kickoff.service_unknown', { serviceId: s.serviceId });
      if (!entry.active) throw fieldError(`services.${i}.serviceId`, 'kickoff.service_inactive', { name: nameIn(entry, actor) });
      return { entry, quantity: s.quantity };
    });
  }

  /** A template may name a role the agency has since stopped using: its tasks could not be made, so the service is refused by name. */
  private async assertRolesInUse(t: Kysely<DB>, actor: Actor, sold: SoldService[]): Promise<void> {
    const { specialistRoles } = await this.roles.load(t);
    sold.forEach(({ entry }, i) => {
      const role = entry.template.tasks.find((task) => !specialistRoles.includes(task.role))?.role;
      if (role) throw fieldError(`services.${i}.serviceId`, 'kickoff.role_not_in_use', { name: nameIn(entry, actor), role });
    });
  }
}

/** The service's name as the actor reads it, for messages. */
const nameIn = (entry: SoldService['entry'], actor: Actor) => textIn(entry.name, actor.language ?? 'en') ?? entry.id;

/**
 * The input as the schema reads it, or a 400 naming each field that is wrong (as a request's body
 * would be answered): the plan, and the project made of it (its last milestone's date may fall
 * beyond the calendar dates take).
 */
function parsed<S extends z.ZodType>(schema: S, input: z.input<S>): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const errors: FieldProblem[] = result.error.issues.map((issue) => {
    const { code, params } = issueMessage(issue, isMessageCode);
    return { field: issue.path.join('.') || 'plan', code: code as MessageCode, params };
  });
  if (errors.length === 1) throw new AppError(400, errors[0].code, errors[0].params, errors);
  throw new AppError(400, 'validation.failed', { fields: [...new Set(errors.map((e) => e.field))] }, errors);
}
