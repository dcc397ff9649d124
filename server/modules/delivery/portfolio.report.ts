import { PROJECT_STAGES } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { parseJson } from '../../db/dialect.js';
import { MICRO_HOURS } from '../../db/tables/totals.js';
import type { Actor } from '../access/index.js';
import { isMilestoneLate, isProjectLate } from '../projects/index.js';
import { costOfHours, type RoleRates } from '../tasks/index.js';
import { portfolioRows } from './portfolio.queries.js';

interface Work {
  spent: [string | null, number][];
  late: number;
  blocked: number;
  open: number;
}

/**
 * The projects in scope on one screen, grouped by stage: plan approval, whether the project
 * and its next milestone are late, late and blocked tasks, and budget used (hours spent ×
 * the role's rate in the project's currency, or the roles that have no rate in it).
 * Three statements whatever the number of projects, none of which reads every task.
 */
export async function portfolioReport(db: Database, actor: Actor, ownerId: string | null, today: string, rates: RoleRates) {
  const { projects, truncated, work, next } = await portfolioRows(db, actor, ownerId, today);
  const workOf = new Map<string, Work>(
    work.map((w) => [
      w.project_id,
      {
        spent: parseJson<[string | null, number][]>(w.spent).map(([role, micro]) => [role, Number(micro)]),
        late: Number(w.late),
        blocked: Number(w.blocked),
        open: Number(w.open),
      },
    ]),
  );
  const nextOf = new Map(
    next.map((m) => [m.project_id, { id: m.id, title: m.title, dueDate: m.due_date, late: isMilestoneLate(m, today) }]),
  );
  const items = projects.map((p) => {
    const w = workOf.get(p.id) ?? { spent: [], late: 0, blocked: 0, open: 0 };
    const spentMicro = w.spent.reduce((sum, [, micro]) => sum + micro, 0);
    const cost = costOfHours(rates, p.currency, w.spent);
    return {
      projectId: p.id,
      name: p.name,
      accountId: p.account_id,
      accountName: p.account_name,
      stage: p.stage,
      planStatus: p.plan_status,
      dueDate: p.due_date,
      late: isProjectLate(p, today),
      nextMilestone: nextOf.get(p.id) ?? null,
      lateTasks: w.late,
      blockedTasks: w.blocked,
      openTasks: w.open,
      spentHours: Math.round(spentMicro / (MICRO_HOURS / 10)) / 10,
      budgetMinor: p.budget_minor,
      budgetUsedMinor: cost.usedMinor,
      missingRates: cost.missingRates,
      currency: p.currency,
    };
  });
  return {
    today,
    truncated,
    stages: PROJECT_STAGES.map((stage) => ({ stage, projects: items.filter((i) => i.stage === stage) })),
  };
}
