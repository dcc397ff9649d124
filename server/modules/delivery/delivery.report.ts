import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { workingDays } from '../../lib/dates.js';
import { projectScope, type Actor } from '../access/index.js';
import { isMilestoneLate } from '../projects/index.js';
import type { TaskService } from '../tasks/index.js';

/** Working hours in a day, for the "time left" of a milestone. */
export const HOURS_PER_DAY = 8;

const remaining = sql<number>`case when tasks.estimate_hours > tasks.spent_hours then tasks.estimate_hours - tasks.spent_hours else 0 end`;

/** A milestone at risk: one assignee's open work on it exceeds the working hours left before its date. */
export interface MilestoneAtRisk {
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

/** Open work on open milestones, per milestone and assignee; the caller narrows it to the projects in scope. */
export function milestoneLoad(db: Database) {
  return db
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
      'accounts.id as account_id',
      'accounts.name as account_name',
      'tasks.assignee_id',
      sql<number>`sum(${remaining})`.as('remaining'),
      sql<number>`count(*)`.as('open_tasks'),
    ])
    .where('milestones.status', '!=', 'done')
    .where('tasks.status', '!=', 'done')
    .groupBy([
      'milestones.id',
      'milestones.title',
      'milestones.due_date',
      'milestones.status',
      'projects.id',
      'projects.name',
      'accounts.id',
      'accounts.name',
      'tasks.assignee_id',
    ]);
}

type LoadRow = Awaited<ReturnType<ReturnType<typeof milestoneLoad>['execute']>>[number];

/** The milestones at risk among the loads, by due date (a milestone counts its open tasks across assignees). */
export function milestonesAtRisk(rows: readonly LoadRow[], today: string): (MilestoneAtRisk & { accountId: string })[] {
  const atRisk = new Map<string, MilestoneAtRisk & { accountId: string }>();
  const openTasks = new Map<string, number>();
  for (const r of rows) openTasks.set(r.id, (openTasks.get(r.id) ?? 0) + Number(r.open_tasks));
  for (const r of rows) {
    const hoursLeft = workingDays(today, r.due_date) * HOURS_PER_DAY;
    const rem = Number(r.remaining);
    const prev = atRisk.get(r.id);
    if (rem > hoursLeft && (!prev || rem > prev.remainingHours)) {
      atRisk.set(r.id, {
        id: r.id,
        title: r.title,
        dueDate: r.due_date,
        projectId: r.project_id,
        projectName: r.project_name,
        accountId: r.account_id,
        accountName: r.account_name,
        remainingHours: rem,
        hoursLeft,
        openTasks: openTasks.get(r.id)!,
        late: isMilestoneLate(r, today),
      });
    }
  }
  return [...atRisk.values()].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/**
 * What is going wrong in delivery: late tasks (past due, not done), blocked tasks, and
 * milestones at risk — where one assignee's open work on the milestone exceeds the working
 * hours left before its due date.
 */
export async function deliveryReport(db: Database, tasks: TaskService, actor: Actor, today: string, ownerId: string | null) {
  const { lateTasks, blockedTasks } = await tasks.troubles(actor, today, ownerId);
  let load = milestoneLoad(db).where((eb) => projectScope(actor, eb as never));
  if (ownerId) load = load.where('accounts.owner_id', '=', ownerId);
  const rows = await load.execute();
  return {
    today,
    lateTasks,
    blockedTasks,
    milestonesAtRisk: milestonesAtRisk(rows, today).map(({ accountId: _, ...m }) => m),
  };
}
