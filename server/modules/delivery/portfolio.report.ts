import { sql, type SqlBool } from 'kysely';
import { PROJECT_STAGES, type PlanStatus } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { dialectOf, parseJson } from '../../db/dialect.js';
import { MICRO_HOURS } from '../../db/tables/totals.js';

/**
 * All of one manager's projects on one screen, grouped by stage: plan approval, next
 * milestone, late and blocked tasks, and budget used (hours spent × the role's rate).
 * Four queries whatever the number of projects, none of which reads every task.
 */
export async function portfolioReport(db: Database, managerId: string, today: string, roleRates: Record<string, number>) {
  const managed = db
    .selectFrom('projects')
    .innerJoin('accounts', 'accounts.id', 'projects.account_id')
    .where('accounts.owner_id', '=', managerId);

  const projects = await managed
    .select([
      'projects.id',
      'projects.name',
      'projects.stage',
      'projects.plan_status',
      'projects.due_date',
      'projects.budget_minor',
      'projects.currency',
      'accounts.id as account_id',
      'accounts.name as account_name',
    ])
    .orderBy('projects.name')
    .execute();
  // The ids themselves, not the join again: finding a manager's projects walks all their accounts.
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) return { managerId, today, stages: PROJECT_STAGES.map((stage) => ({ stage, projects: [] })) };
  const dialect = dialectOf(db);
  const ofProjects = dialect.isIn(sql.ref('project_id'), ids);

  // Totals kept by triggers, one row per project with its hours per role packed (reading a
  // row per project and role costs more than summing it). "Late" depends on today, so it is
  // counted from the open tasks (tasks_open_due_idx), with the literal the index is defined by.
  const work = await db
    .selectFrom('project_task_totals')
    .select([
      'project_id',
      sql<number>`sum(open_count)`.as('open'),
      sql<number>`sum(blocked_count)`.as('blocked'),
      dialect.jsonGroupArray(dialect.jsonArray([sql.ref('role'), sql.ref('spent_micro')])).as('spent'),
    ])
    .where(ofProjects)
    .groupBy('project_id')
    .execute();
  const late = await db
    .selectFrom('tasks')
    .select(['project_id', sql<number>`count(*)`.as('late')])
    .where(sql<SqlBool>`status <> 'done'`)
    .where('due_date', '<', today)
    .where(ofProjects)
    .groupBy('project_id')
    .execute();
  // Each project's next open milestone (the earliest due; the lowest id among equals).
  const next = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('milestones')
        .select([
          'project_id',
          'id',
          'title',
          'due_date',
          sql<number>`row_number() over (partition by project_id order by due_date, id)`.as('position'),
        ])
        .where('status', '!=', 'done')
        .where(ofProjects)
        .as('open'),
    )
    .select(['project_id', 'id', 'title', 'due_date'])
    .where('position', '=', 1)
    .execute();

  const stats = new Map<string, { spentMicro: number; usedMinor: number; late: number; blocked: number; open: number }>();
  for (const w of work) {
    let spentMicro = 0;
    let usedMinor = 0;
    for (const [role, micro] of parseJson<[string | null, number][]>(w.spent)) {
      spentMicro += Number(micro);
      usedMinor += Math.round((Number(micro) / MICRO_HOURS) * (roleRates[role ?? 'other'] ?? roleRates.other ?? 0));
    }
    stats.set(w.project_id, { spentMicro, usedMinor, late: 0, blocked: Number(w.blocked), open: Number(w.open) });
  }
  for (const l of late) {
    const s = stats.get(l.project_id);
    if (s) s.late = Number(l.late); // a project with open tasks has totals
  }
  const nextOf = new Map(next.map((m) => [m.project_id, { id: m.id, title: m.title, dueDate: m.due_date }]));

  const items = projects.map((p) => {
    const s = stats.get(p.id) ?? { spentMicro: 0, usedMinor: 0, late: 0, blocked: 0, open: 0 };
    return {
      projectId: p.id,
      name: p.name,
      accountId: p.account_id,
      accountName: p.account_name,
      stage: p.stage as (typeof PROJECT_STAGES)[number],
      planStatus: p.plan_status as PlanStatus,
      dueDate: p.due_date,
      nextMilestone: nextOf.get(p.id) ?? null,
      lateTasks: s.late,
      blockedTasks: s.blocked,
      openTasks: s.open,
      spentHours: Math.round(s.spentMicro / (MICRO_HOURS / 10)) / 10,
      budgetMinor: p.budget_minor,
      budgetUsedMinor: s.usedMinor,
      currency: p.currency,
    };
  });
  return {
    managerId,
    today,
    stages: PROJECT_STAGES.map((stage) => ({ stage, projects: items.filter((i) => i.stage === stage) })),
  };
}
