import { sql } from 'kysely';
import type { PlanStatus, ProjectStage } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import { dialectOf } from '../../db/dialect.js';
import { QueryTemplate } from '../../db/query-template.js';
import { PORTFOLIO_MAX_PROJECTS } from '../../../common/schemas/delivery.js';
import { accountScope, type Actor } from '../access/index.js';

/** The portfolio's statements have one shape each: only their values change. */
type NoShape = Record<string, never>;
const ONE_SHAPE: NoShape = {};

interface ProjectRow {
  id: string;
  name: string;
  stage: ProjectStage;
  plan_status: PlanStatus;
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
  status: string;
}

/**
 * The projects in scope: with an owner, that owner's accounts; besides, those the actor can
 * see, a condition left out when the owner is the actor (one may read the accounts one owns).
 */
type ProjectsShape = { role: Actor['role']; owner: boolean; scoped: boolean };

const projects = new QueryTemplate<ProjectsShape, { actorId: string; ownerId: string }, ProjectRow>((db, shape, v) => {
  let q = db
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
    .orderBy('projects.name')
    .orderBy('projects.id')
    .limit(sql.lit(PORTFOLIO_MAX_PROJECTS + 1));
  if (shape.owner) q = q.where('accounts.owner_id', '=', v.ownerId);
  if (shape.scoped) q = q.where((eb) => accountScope({ id: v.actorId, role: shape.role, accountId: null }, eb));
  return q.compile();
});

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
    .compile();
});

// Each project's next open milestone: the earliest due, the lowest id among equals.
const nextMilestones = new QueryTemplate<NoShape, { ids: unknown }, MilestoneRow>((db, _shape, v) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('milestones')
        .select([
          'project_id',
          'id',
          'title',
          'due_date',
          'status',
          sql<number>`row_number() over (partition by project_id order by due_date, id)`.as('position'),
        ])
        .where('status', '!=', sql.lit('done'))
        .where(dialectOf(db).isIn(sql.ref('project_id'), v.ids))
        .as('open'),
    )
    .select(['project_id', 'id', 'title', 'due_date', 'status'])
    .where('position', '=', sql.lit(1))
    .compile(),
);

/**
 * What the portfolio shows of the projects in scope (of `ownerId`'s accounts when given), in
 * three statements compiled once per shape: the projects (one more than are shown, to tell
 * when there are more), their task totals and late tasks, and their next milestones.
 */
export async function portfolioRows(db: Database, actor: Actor, ownerId: string | null, today: string) {
  const shape: ProjectsShape = { role: actor.role, owner: ownerId !== null, scoped: ownerId !== actor.id };
  const found = await projects.execute(db, shape, { actorId: actor.id, ownerId: ownerId ?? '' });
  const truncated = found.length > PORTFOLIO_MAX_PROJECTS;
  const rows = found.slice(0, PORTFOLIO_MAX_PROJECTS);
  if (rows.length === 0) return { projects: rows, truncated, work: [], next: [] };
  // The ids themselves, not the join again: finding a manager's projects walks all their accounts.
  const ids = dialectOf(db).list(rows.map((p) => p.id));
  return {
    projects: rows,
    truncated,
    work: await work.execute(db, ONE_SHAPE, { ids, today }),
    next: await nextMilestones.execute(db, ONE_SHAPE, { ids }),
  };
}
