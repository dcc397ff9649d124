import { PROJECT_STAGES, type PlanStatus } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { parseJson } from '../../db/dialect.js';
import { MICRO_HOURS } from '../../db/tables/totals.js';
import { portfolioRows } from './portfolio.queries.js';

/**
 * All of one manager's projects on one screen, grouped by stage: plan approval, next
 * milestone, late and blocked tasks, and budget used (hours spent × the role's rate).
 * Three statements whatever the number of projects, none of which reads every task.
 */
export async function portfolioReport(db: Database, managerId: string, today: string, roleRates: Record<string, number>) {
  const { projects, work, next } = await portfolioRows(db, managerId, today);

  const stats = new Map<string, { spentMicro: number; usedMinor: number; late: number; blocked: number; open: number }>();
  for (const w of work) {
    let spentMicro = 0;
    let usedMinor = 0;
    for (const [role, micro] of parseJson<[string | null, number][]>(w.spent)) {
      spentMicro += Number(micro);
      usedMinor += Math.round((Number(micro) / MICRO_HOURS) * (roleRates[role ?? 'other'] ?? roleRates.other ?? 0));
    }
    stats.set(w.project_id, { spentMicro, usedMinor, late: Number(w.late), blocked: Number(w.blocked), open: Number(w.open) });
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
