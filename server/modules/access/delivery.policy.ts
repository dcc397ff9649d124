import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { TASK_ASSIGNEE_ROLES, type ReportScopeName } from '../../../common/enums.js';
import type { MilestoneAbilities, RequirementAbilities } from '../../../common/schemas/plan.js';
import type { ProjectAbilities } from '../../../common/schemas/project.js';
import type { BriefAbilities, TaskAbilities } from '../../../common/schemas/task.js';
import type { DB } from '../../db/schema.js';
import { fieldError, forbidden, type Refusal } from '../../lib/errors.js';
import {
  accountIdScope,
  canManageAccount,
  managesAccounts,
  owningAccount as accountOf,
  seesAccounts,
  type OnAccount,
  type OwnedAccount,
} from './accounts.policy.js';
import { canCreateActs } from './acts.policy.js';
import type { Actor } from './actor.js';
import { FALSE } from './conditions.js';
import { canManageDocuments } from './documents.policy.js';
import { isStaff } from './people.policy.js';

/*
 * Delivery: projects, their plans, requirements and briefs, and tasks. Admins and the manager
 * who owns the account run it; finance and backup managers read it; a specialist sees the
 * tasks assigned to them and their projects; a client user approves and agrees for their company.
 */

/**
 * Projects the actor may read, as a condition on the `projects` table. A specialist reaches
 * a project (and its account's name) only through a task assigned to them.
 */
export function projectScope(actor: Actor, eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> {
  if (!seesAccounts(actor)) {
    return eb('projects.id', 'in', eb.selectFrom('tasks').select('tasks.project_id').where('tasks.assignee_id', '=', actor.id));
  }
  return accountIdScope(actor, eb, 'projects.account_id');
}

/** Tasks the actor may read: a specialist their own; clients none; others by account. */
export function taskScope(actor: Actor, eb: ExpressionBuilder<DB, 'tasks'>): Expression<SqlBool> {
  if (actor.role === 'specialist') return eb('tasks.assignee_id', '=', actor.id);
  if (actor.role === 'client') return FALSE;
  return accountIdScope(actor, eb, 'tasks.account_id');
}

/** Budgets and rates are finances: specialists never see them. */
export const seesProjectFinances = (actor: Actor) => actor.role !== 'specialist';

/** A client sees a project's budget only when the manager shares it (as status reports do); staff by their role. */
export const seesProjectBudget = (actor: Actor, project: { share_budget: number }) =>
  isStaff(actor) ? seesProjectFinances(actor) : project.share_budget === 1;

/** Who works on a project is the agency's own business: a client sees no staff list (they deal with their manager). */
export const seesProjectTeam = isStaff;

/** May the actor change the account's delivery (projects, plans, requirements, tasks)? */
export const canManageDelivery = (actor: Actor, a: OwnedAccount) => canManageAccount(actor, a);

/** Delivery is edited by admins and the account's owner; finance and backups read it. */
export function assertCanManageDelivery(actor: Actor, a: OwnedAccount): void {
  if (!canManageDelivery(actor, a)) throw forbidden('access.delivery_read_only');
}

/** Whether the actor sees the projects of the accounts they read; one who reaches no account sees those of their own tasks. */
export const seesAccountProjects = seesAccounts;

/** Staff who follow delivery across every account they read; a specialist follows their own tasks. */
export const overseesDelivery = (actor: Actor) => isStaff(actor) && seesAccounts(actor);

/** Whose workload the actor sees: only their own (their id), or everyone's (undefined). */
export const workloadOnlyOf = (actor: Actor): string | undefined => (overseesDelivery(actor) ? undefined : actor.id);

/** Who sees a portfolio of projects by stage: admins and account managers. */
export const seesPortfolios = (actor: Actor) => actor.role === 'admin' || actor.role === 'account_manager';

export function assertSeesPortfolio(actor: Actor): void {
  if (!seesPortfolios(actor)) throw forbidden('access.portfolio_hidden');
}

/*
 * The delivery report and the portfolio cover the same projects: those of every account the
 * actor can see ("all"), or of the accounts they own ("mine"), narrowed to one owner's
 * accounts when asked. An account manager starts with their own; everyone else with all.
 */

/** Those with accounts of their own to narrow reports to: the roles that may own accounts. */
export const switchesReportScope = managesAccounts;

/** The projects a report covers: whose accounts (`scope`) and, among them, one owner's only. */
export interface ReportScope {
  scope: ReportScopeName;
  ownerId: string | null;
}

/** The scope as asked, or the actor's default; "mine" for one who owns no accounts is a 400. */
export function reportScope(actor: Actor, asked: { scope?: ReportScopeName; ownerId?: string }): ReportScope {
  const scope = asked.scope ?? (actor.role === 'account_manager' ? 'mine' : 'all');
  if (scope === 'all') return { scope, ownerId: asked.ownerId ?? null };
  if (!switchesReportScope(actor)) throw fieldError('scope', 'report.no_own_accounts');
  if (asked.ownerId && asked.ownerId !== actor.id) throw fieldError('ownerId', 'report.owner_with_mine');
  return { scope, ownerId: null };
}

/**
 * The owner whose accounts the report is narrowed to (the actor's own for "mine"), or null.
 * Always within what the actor can see: queries keep the actor's scope beside it.
 */
export const reportOwner = (actor: Actor, s: ReportScope): string | null => (s.scope === 'mine' ? actor.id : s.ownerId);

/** Who may start projects: those who manage accounts (for the accounts they own). */
export const startsProjects = managesAccounts;

export { TASK_ASSIGNEE_ROLES };

export const takesTasks = (actor: Actor) => TASK_ASSIGNEE_ROLES.includes(actor.role);

/** Client users never see internal tasks. */
export function assertSeesTasks(actor: Actor): void {
  if (!isStaff(actor)) throw forbidden('access.internal_tasks');
}

/** What an assigned specialist may change on their own task. */
const PROGRESS_FIELDS = new Set(['status', 'spentHours', 'blockedReason', 'doneOn']);

const isAssignee = (actor: Actor, task: { assignee_id: string | null }) => takesTasks(actor) && task.assignee_id === actor.id;

/** The manager may change anything on a task; its assignee only the progress fields. Throws 403 otherwise. */
export function assertCanChangeTask(actor: Actor, task: OnAccount & { assignee_id: string | null }, fields: string[]): void {
  if (canManageDelivery(actor, accountOf(task))) return;
  if (!isAssignee(actor, task)) throw forbidden('task.editor');
  const other = fields.find((f) => !PROGRESS_FIELDS.has(f));
  if (other) throw forbidden('task.specialist_fields', { field: other });
}

/** What the actor may do with a task they read (anyone who reads a task may comment on it). */
export function taskAbilities(actor: Actor, task: OnAccount & { assignee_id: string | null }): TaskAbilities {
  const manages = canManageDelivery(actor, accountOf(task));
  return { update: manages, updateProgress: manages || isAssignee(actor, task), delete: manages, comment: true };
}

/**
 * A client user speaks for their own company; anyone else who approves a plan or agrees a
 * requirement records it on the client's behalf (and says how the client agreed).
 */
export const onClientsBehalf = (actor: Actor) => actor.role !== 'client';

/** The client's own users, or the account's manager on their behalf, approve plans, decide requirements and answer briefs. */
export const speaksForClient = (actor: Actor, a: OwnedAccount) => !onClientsBehalf(actor) || canManageDelivery(actor, a);

/** Why the plan cannot be sent for approval now (it can from draft or changed). */
export function planSubmitRefusal(status: string): Refusal {
  if (status === 'submitted') return { code: 'plan.already_submitted' };
  if (status === 'approved') return { code: 'plan.already_approved' };
  return null;
}

/** Only a submitted plan can be approved or sent back; an approved one says so. */
export function planApprovalRefusal(status: string): Refusal {
  if (status === 'submitted') return null;
  if (status === 'approved') return { code: 'plan.approved_already' };
  return { code: 'plan.not_submitted', params: { status } };
}

/** What the actor may do with a project they read. */
export function projectAbilities(actor: Actor, project: OnAccount & { plan_status: string }): ProjectAbilities {
  const account = accountOf(project);
  const manages = canManageDelivery(actor, account);
  return {
    update: manages,
    delete: manages,
    setTeam: manages,
    submitPlan: manages && !planSubmitRefusal(project.plan_status),
    approvePlan: speaksForClient(actor, account) && !planApprovalRefusal(project.plan_status),
    requestPlanChanges: speaksForClient(actor, account) && !planApprovalRefusal(project.plan_status),
    addMilestone: manages,
    addRequirement: manages,
    addTask: manages,
    remindClient: manages,
    // a report is a document of the account: whoever prepares its delivery and its paperwork
    sendStatusReport: manages && canManageDocuments(actor, account),
    createAct: canCreateActs(actor, account),
  };
}

/** What the actor may do with a milestone of a project on the account. */
export function milestoneAbilities(actor: Actor, project: OnAccount): MilestoneAbilities {
  const manages = canManageDelivery(actor, accountOf(project));
  return { update: manages, delete: manages };
}

/** An agreed requirement stays: change it instead (which makes it a change request). */
export const requirementRemovalRefusal = (r: { status: string }): Refusal =>
  r.status === 'agreed' ? { code: 'requirement.agreed_not_deletable' } : null;

/** A requirement already in the state a decision would put it in refuses the decision. */
export const requirementDecisionRefusal = (r: { status: string }, decision: 'agreed' | 'rejected'): Refusal =>
  r.status === decision ? { code: 'requirement.already_decided', params: { status: decision } } : null;

/** What the actor may do with a requirement of a project on the account. */
export function requirementAbilities(actor: Actor, project: OnAccount, r: { status: string }): RequirementAbilities {
  const account = accountOf(project);
  const manages = canManageDelivery(actor, account);
  const decides = speaksForClient(actor, account);
  return {
    update: manages,
    delete: manages && !requirementRemovalRefusal(r),
    agree: decides && !requirementDecisionRefusal(r, 'agreed'),
    reject: decides && !requirementDecisionRefusal(r, 'rejected'),
  };
}

/** Why the brief cannot be submitted now: it was already, or questions are unanswered. */
export function briefSubmitRefusal(brief: { submitted: boolean; missing: number }): Refusal {
  if (brief.submitted) return { code: 'brief.already_submitted' };
  if (brief.missing > 0) return { code: 'brief.incomplete', params: { count: brief.missing } };
  return null;
}

/** What the actor may do with the brief of a project on the account. */
export function briefAbilities(actor: Actor, project: OnAccount, brief: { submitted: boolean; missing: number }): BriefAbilities {
  const answers = speaksForClient(actor, accountOf(project));
  return { answer: answers, submit: answers && !briefSubmitRefusal(brief) };
}
