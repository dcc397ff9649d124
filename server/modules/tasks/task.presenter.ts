import type { Task, TaskCost } from '../../../common/schemas/task.js';
import { hoursAtRate } from '../../lib/money.js';
import type { TaskRow } from './task.repository.js';
import { withRecordMeta } from '../../lib/presenter.js';
import { taskAbilities, type Actor } from '../access/index.js';

/** The task as `actor` sees it, with what they may do with it. */
export function presentTask(r: TaskRow, actor: Actor): Task {
  return withRecordMeta(r, {
    projectId: r.project_id,
    projectName: r.project_name,
    accountId: r.account_id,
    accountName: r.account_name,
    title: r.title,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name ?? null,
    role: r.role,
    status: r.status as Task['status'],
    blockedReason: r.blocked_reason,
    dueDate: r.due_date,
    estimateHours: Number(r.estimate_hours),
    spentHours: Number(r.spent_hours),
    milestoneId: r.milestone_id,
    milestoneTitle: r.milestone_title ?? null,
    can: taskAbilities(actor, r),
  });
}

/** What the task's hours cost at its role's rate (an unknown role at the "other" rate), in the project's currency. */
export function presentTaskCost(r: TaskRow, roleRates: Record<string, number>): TaskCost {
  const rate = roleRates[r.role ?? 'other'] ?? roleRates.other ?? 0;
  return {
    hourlyRateMinor: rate,
    spentMinor: hoursAtRate(Number(r.spent_hours), rate),
    estimateMinor: hoursAtRate(Number(r.estimate_hours), rate),
    currency: r.project_currency,
  };
}
