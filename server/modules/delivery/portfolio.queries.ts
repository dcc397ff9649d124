import { sql, type CompiledQuery } from 'kysely';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import { QueryTemplate } from '../../db/query-template.js';

/** The portfolio's statements have one shape each: only their values change. */
type NoShape = Record<string, never>;
const ONE_SHAPE: NoShape = {};

interface ProjectRow {
  id: string;
  name: string;
  stage: string;
  plan_status: string;
  due_date: string | null;
  budget_minor: number | null;
  currency: string;
  account_id: string;
  account_name: string;
}

interface WorkRow {
  project_id: string;
  open: number;
  blocked: number;
  late: number;
  /** [role, micro-hours spent] per role, as JSON. */
  spent: string | [string | null, number][];
}

interface MilestoneRow {
  project_id: string;
  id: string;
  title: string;
  due_date: string;
}

const projects = new QueryTemplate<NoShape, { managerId: string }, ProjectRow>(
  (db, _shape, v) =>
    db
      .selectFrom('projects')
      .innerJoin('accounts', 'accounts.id', 'projects.account_id')
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
      .where('accounts.owner_id', '=', v.managerId)
      .orderBy('projects.name')
      .compile() as CompiledQuery<ProjectRow>,
);

// Totals kept by triggers, one row per project with its hours per role packed (reading a row
// per project and role costs more than summing it). "Late" depends on today, so it is counted
// from the open tasks (tasks_open_due_idx), with the literal the index is defined by.
const work = new QueryTemplate<NoShape, { ids: unknown; today: string }, WorkRow>((db, _shape, v) => {
  const dialect = dialectOf(db);
  const late = sql<number>`(select count(*) from tasks
    where tasks.status <> 'done' and tasks.due_date < ${v.today} and tasks.project_id = t.project_id)`;
  return db
    .selectFrom('project_task_totals as t')
    .select([
      't.project_id',
      sql<number>`sum(t.open_count)`.as('open'),
      sql<number>`sum(t.blocked_count)`.as('blocked'),
      dialect.jsonGroupArray(dialect.jsonArray([sql.ref('t.role'), sql.ref('t.spent_micro')])).as('spent'),
      late.as('late'),
    ])
    .where(dialect.isIn(sql.ref('t.project_id'), v.ids))
    .groupBy('t.project_id')
    .compile() as CompiledQuery<WorkRow>;
});

// Each project's next open milestone: the earliest due, the lowest id among equals.
const nextMilestones = new QueryTemplate<NoShape, { ids: unknown }, MilestoneRow>(
  (db, _shape, v) =>
    db
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
          .where('status', '!=', sql.lit('done'))
          .where(dialectOf(db).isIn(sql.ref('project_id'), v.ids))
          .as('open'),
      )
      .select(['project_id', 'id', 'title', 'due_date'])
      .where('position', '=', sql.lit(1))
      .compile() as CompiledQuery<MilestoneRow>,
);

/**
 * What the portfolio shows of a manager's projects, in three statements compiled once: the
 * projects, their task totals and late tasks, and their next milestones.
 */
export async function portfolioRows(db: Database, managerId: string, today: string) {
  const rows = await projects.execute(db, ONE_SHAPE, { managerId });
  if (rows.length === 0) return { projects: rows, work: [], next: [] };
  // The ids themselves, not the join again: finding a manager's projects walks all their accounts.
  const ids = dialectOf(db).list(rows.map((p) => p.id));
  return {
    projects: rows,
    work: await work.execute(db, ONE_SHAPE, { ids, today }),
    next: await nextMilestones.execute(db, ONE_SHAPE, { ids }),
  };
}
