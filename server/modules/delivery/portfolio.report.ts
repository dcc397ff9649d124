import { sql } from 'kysely';
import { PROJECT_STAGES, type PlanStatus } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';

/**
 * All of one manager's projects on one screen, grouped by stage: plan approval, next
 * milestone, late and blocked tasks, and budget used (hours spent × the role's rate).
 * Three queries whatever the number of projects.
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
  const ids = managed.select('projects.id');

  const work = await db
    .selectFrom('tasks')
    .select([
      'project_id',
      'role',
      sql<number>`sum(spent_hours)`.as('spent'),
      sql<number>`sum(case when status <> 'done' and due_date < ${today} then 1 else 0 end)`.as('late'),
      sql<number>`sum(case when status = 'blocked' then 1 else 0 end)`.as('blocked'),
      sql<number>`sum(case when status <> 'done' then 1 else 0 end)`.as('open'),
    ])
    .where('project_id', 'in', ids)
    .groupBy(['project_id', 'role'])
    .execute();

  const next = await db
    .selectFrom('milestones')
    .select(['project_id', 'id', 'title', 'due_date'])
    .where('status', '!=', 'done')
    .where('project_id', 'in', ids)
    .orderBy('project_id')
    .orderBy('due_date')
    .execute();

  const stats = new Map<string, { spentHours: number; usedMinor: number; late: number; blocked: number; open: number }>();
  for (const w of work) {
    const s = stats.get(w.project_id) ?? { spentHours: 0, usedMinor: 0, late: 0, blocked: 0, open: 0 };
    const spent = Number(w.spent);
    s.spentHours += spent;
    s.usedMinor += Math.round(spent * (roleRates[w.role ?? 'other'] ?? roleRates.other ?? 0));
    s.late += Number(w.late);
    s.blocked += Number(w.blocked);
    s.open += Number(w.open);
    stats.set(w.project_id, s);
  }
  const nextOf = new Map<string, { id: string; title: string; dueDate: string }>();
  for (const m of next) if (!nextOf.has(m.project_id)) nextOf.set(m.project_id, { id: m.id, title: m.title, dueDate: m.due_date });

  const items = projects.map((p) => {
    const s = stats.get(p.id) ?? { spentHours: 0, usedMinor: 0, late: 0, blocked: 0, open: 0 };
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
      spentHours: Math.round(s.spentHours * 10) / 10,
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
