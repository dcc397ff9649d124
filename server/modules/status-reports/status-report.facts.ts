import type { Kysely } from 'kysely';
import type { StatusReportFacts } from '../../../common/schemas/status-report.js';
import type { DB } from '../../db/schema.js';
import { isMilestoneLate } from '../projects/index.js';
import { costOfHours, type RoleRates } from '../tasks/index.js';
import type { ReportPeriod } from './report-period.js';
import type { ReportProject, StatusReportRepository } from './status-report.repository.js';

/** Most upcoming milestones a report names. */
const NEXT_MILESTONES = 3;

/** What the facts are read against: the agency's today and time zone, and the roles' rates for the budget. */
export interface ReportContext {
  today: string;
  timeZone: string;
  rates: RoleRates;
}

/**
 * The facts of a project's report for a period: milestones done, late (by the same rule as
 * every page) and next; tasks done in the period (agency-local days); what waits for the
 * client; the budget and its use when the project shares it.
 */
export async function gatherFacts(
  repo: StatusReportRepository,
  t: Kysely<DB>,
  project: ReportProject,
  period: ReportPeriod,
  ctx: ReportContext,
): Promise<StatusReportFacts> {
  const [milestones, done, blocked, requirements] = await Promise.all([
    repo.milestones(project.id, t),
    repo.tasksDone(project.id, period.from, period.to, t),
    repo.blockedTitles(project.id, t),
    repo.requirementsAwaiting(project.id, t),
  ]);
  const open = milestones.filter((m) => m.status !== 'done');
  const late = open.filter((m) => isMilestoneLate(m, ctx.today));
  const dated = (m: { title: string; due_date: string }) => ({ title: m.title, dueDate: m.due_date });
  let budget: StatusReportFacts['budget'] = null;
  if (project.share_budget === 1 && project.budget_minor !== null) {
    const cost = costOfHours(ctx.rates, project.currency, await repo.spentByRole(project.id, t));
    budget = { budgetMinor: project.budget_minor, usedMinor: cost.usedMinor, currency: project.currency };
  }
  return {
    periodFrom: period.from,
    periodTo: period.to,
    milestonesDone: milestones.filter((m) => m.status === 'done').map(dated),
    milestonesLate: late.map(dated),
    milestonesNext: open
      .filter((m) => !late.includes(m))
      .slice(0, NEXT_MILESTONES)
      .map(dated),
    tasksDone: done.listed,
    tasksDoneMore: done.total - done.listed.length,
    planAwaitingApproval: project.plan_status === 'submitted',
    requirementsAwaiting: requirements.map((r) => ({ text: r.text })),
    blocked: blocked.map((b) => ({ title: b.title })),
    budget,
  };
}

/** Nothing to report: no plan, no work done in the period, nothing waiting, no budget to show. */
export const isEmptyReport = (f: StatusReportFacts) =>
  f.milestonesDone.length + f.milestonesLate.length + f.milestonesNext.length === 0 &&
  f.tasksDone.length === 0 &&
  !f.planAwaitingApproval &&
  f.requirementsAwaiting.length + f.blocked.length === 0 &&
  f.budget === null;
