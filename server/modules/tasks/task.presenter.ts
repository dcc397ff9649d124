import { pricedAs, rateFor, type RoleRates } from '../../../common/role-rates.js';
import type { Task, TaskCost } from '../../../common/schemas/task.js';
import { hoursAtRate } from '../../lib/money.js';
import type { TaskRow } from './task.repository.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { taskAbilities, type Actor } from '../access/index.js';
import { isTaskLate } from '../projects/index.js';

/** The task as `actor` sees it on the agency's `today`, with what they may do with it. */
export function presentTask(r: TaskRow, actor: Actor, today: string): Task {
  return withRecordMeta(r, {
    projectId: r.project_id,
    projectName: r.project_name,
    accountId: r.account_id,
    accountName: r.account_name,
    title: r.title,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? null,
    role: r.role,
    status: r.status,
    blockedReason: r.blocked_reason,
    dueDate: r.due_date,
    late: isTaskLate(r, today),
    estimateHours: Number(r.estimate_hours),
    spentHours: Number(r.spent_hours),
    doneOn: r.done_on,
    milestoneId: r.milestone_id,
    milestoneTitle: r.milestone_title ?? null,
    can: taskAbilities(actor, r),
  });
}

/**
 * What the task's hours cost at its role's rate (a role without rates at the "other" rate) in the
 * project's currency; without a rate in that currency the amounts are unknown, never another currency's.
 */
export function presentTaskCost(r: TaskRow, roleRates: RoleRates): TaskCost {
  const currency = r.project_currency;
  const rate = rateFor(roleRates, r.role, currency);
  const at = (hours: number) => (rate === null ? null : hoursAtRate(hours, rate));
  return {
    currency,
    pricedAs: pricedAs(roleRates, r.role),
    hourlyRateMinor: rate,
    spentMinor: at(Number(r.spent_hours)),
    estimateMinor: at(Number(r.estimate_hours)),
  };
}
