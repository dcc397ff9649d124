import type { Task } from '../../../common/schemas/task.js';
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
    can: taskAbilities(actor, r),
  });
}
