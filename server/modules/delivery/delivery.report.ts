import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { workingDays } from '../../lib/dates.js';
import { projectScope, type Actor } from '../access/index.js';
import { isMilestoneLate } from '../projects/index.js';
import type { TaskService } from '../tasks/index.js';

/** Working hours in a day, for the "time left" of a milestone. */
export const HOURS_PER_DAY = 8;

const remaining = sql<number>`case when tasks.estimate_hours > tasks.spent_hours then tasks.estimate_hours - tasks.spent_hours else 0 end`;

/**
 * What is going wrong in delivery: late tasks (past due, not done), blocked tasks, and
 * milestones at risk — where one assignee's open work on the milestone exceeds the working
 * hours left before its due date.
 */
export async function deliveryReport(db: Database, tasks: TaskService, actor: Actor, today: string, ownerId: string | null) {
  const { lateTasks, blockedTasks } = await tasks.troubles(actor, today, ownerId);

  let load = db
    .selectFrom('milestones')
    .innerJoin('projects', 'projects.id', 'milestones.project_id')
    .innerJoin('accounts', 'accounts.id', 'projects.account_id')
    .innerJoin('tasks', 'tasks.milestone_id', 'milestones.id')
    .select([
      'milestones.id',
      'milestones.title',
      'milestones.due_date',
      'milestones.status',
      'projects.id as project_id',
      'projects.name as project_name',
      'accounts.name as account_name',
      'tasks.assignee_id',
      sql<number>`sum(${remaining})`.as('remaining'),
      sql<number>`count(*)`.as('open_tasks'),
    ])
    .where('milestones.status', '!=', 'done')
    .where('tasks.status', '!=', 'done')
    .where((eb) => projectScope(actor, eb as never))
    .groupBy([
      'milestones.id',
      'milestones.title',
      'milestones.due_date',
      'milestones.status',
      'projects.id',
      'projects.name',
      'accounts.name',
      'tasks.assignee_id',
    ]);
  if (ownerId) load = load.where('accounts.owner_id', '=', ownerId);
  const rows = await load.execute();

  const atRisk = new Map<
    string,
    {
      id: string;
      title: string;
      dueDate: string;
      projectId: string;
      projectName: string;
      accountName: string;
      remainingHours: number;
      hoursLeft: number;
      openTasks: number;
      late: boolean;
    }
  >();
  for (const r of rows) {
    const hoursLeft = workingDays(today, r.due_date) * HOURS_PER_DAY;
    const rem = Number(r.remaining);
    const prev = atRisk.get(r.id);
    const openTasks = (prev?.openTasks ?? 0) + Number(r.open_tasks);
    if (rem > hoursLeft && (!prev || rem > prev.remainingHours)) {
      atRisk.set(r.id, {
        id: r.id,
        title: r.title,
        dueDate: r.due_date,
        projectId: r.project_id,
        projectName: r.project_name,
        accountName: r.account_name,
        remainingHours: rem,
        hoursLeft,
        openTasks,
        late: isMilestoneLate(r, today),
      });
    } else if (prev) prev.openTasks = openTasks;
  }
  return {
    today,
    lateTasks,
    blockedTasks,
    milestonesAtRisk: [...atRisk.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
}
