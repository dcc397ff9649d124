import type { Selectable } from 'kysely';
import { STAGE_TRANSITIONS, type ProjectStage } from '../../../common/enums.js';
import type { Project } from '../../../common/schemas/project.js';
import type { ProjectsTable } from '../../db/tables/delivery.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { projectAbilities, seesProjectBudget, seesProjectTeam, type Actor } from '../access/index.js';
import { isProjectLate } from './lateness.js';

export type ProjectRow = Selectable<ProjectsTable> & { account_name: string; owner_id: string | null; backup_owner_id: string | null };
export type TeamMember = Project['team'][number];

/** Stages the project may move to next; from on_hold only back to where it was, or closed. */
export function allowedStages(stage: ProjectStage, before: ProjectStage | null): ProjectStage[] {
  if (stage === 'on_hold') return before ? [before, 'closed'] : [...STAGE_TRANSITIONS.on_hold];
  return [...(STAGE_TRANSITIONS[stage] ?? [])];
}

/**
 * The project as `actor` sees it on the agency's `today`: budgets only for those who see
 * finances (a client only a shared one), the team only for staff, whether it is late, and
 * what they may do with it.
 */
export function presentProject(r: ProjectRow, team: TeamMember[], actor: Actor, today: string): Project {
  return withRecordMeta(r, {
    accountId: r.account_id,
    accountName: r.account_name,
    name: r.name,
    kind: r.kind,
    stage: r.stage,
    allowedStages: allowedStages(r.stage, r.stage_before_hold),
    startDate: r.start_date,
    dueDate: r.due_date,
    late: isProjectLate(r, today),
    budgetMinor: seesProjectBudget(actor, r) ? r.budget_minor : null,
    currency: r.currency,
    reportSchedule: r.report_schedule,
    reportDay: r.report_day,
    reportHour: r.report_hour,
    shareBudget: r.share_budget === 1,
    actBasis: r.act_basis,
    planStatus: r.plan_status,
    planSubmittedAt: r.plan_submitted_at,
    planApprovedAt: r.plan_approved_at,
    planApprovedById: r.plan_approved_by_id,
    planApprovalNote: r.plan_approval_note,
    team: seesProjectTeam(actor) ? team : [],
    can: projectAbilities(actor, r),
  });
}
