import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { WorkKind } from '../../../common/enums.js';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import { inScope, monthOf, type ReportScope } from './satisfaction.scope.js';

/** Aggregates come back as numbers on SQLite and as text (bigint, numeric) on PostgreSQL. */
export type Num = number | string;
export const num = (v: Num | null): number => (v === null ? 0 : Number(v));

/** A low answer: a detractor's NPS (0–6) or a CSAT of 1 or 2. */
export const LOW_ANSWER = sql<SqlBool>`((surveys.kind = 'nps' and surveys.score <= 6) or (surveys.kind = 'csat' and surveys.score <= 2))`;

/** Answers of the period in the scope: `surveys` rows answered from its start to its end. */
export function answered(db: Database, s: ReportScope) {
  return db
    .selectFrom('surveys')
    .where('surveys.answered_at', '>=', s.start)
    .where('surveys.answered_at', '<', s.end)
    .where((eb: ExpressionBuilder<DB, 'surveys'>) => inScope(s, eb, 'surveys.account_id'));
}

/**
 * The survey answers' aggregates: each one GROUP BY statement over the answers of the period
 * (the `surveys_kind_answered_idx` range), never the answers one by one.
 */
export class AnswerAggregates {
  constructor(private readonly db: Database) {}

  /** NPS answers by month of the period: promoters (9–10), passives (7–8), detractors (0–6). */
  async npsByMonth(s: ReportScope) {
    const rows = await answered(this.db, s)
      .where('surveys.kind', '=', 'nps')
      .select([
        monthOf(s, 'surveys.answered_at').as('month'),
        sql<Num>`sum(case when surveys.score >= 9 then 1 else 0 end)`.as('promoters'),
        sql<Num>`sum(case when surveys.score between 7 and 8 then 1 else 0 end)`.as('passives'),
        sql<Num>`sum(case when surveys.score <= 6 then 1 else 0 end)`.as('detractors'),
      ])
      // By the output column: PostgreSQL would not take the expression again with its parameters bound twice.
      .groupBy(sql.ref('month'))
      .execute();
    return rows.map((r) => ({ month: r.month, promoters: num(r.promoters), passives: num(r.passives), detractors: num(r.detractors) }));
  }

  /** CSAT answers per project (null: asked of the relationship), with the project's name, kind and account. */
  async csatByProject(s: ReportScope) {
    const rows = await answered(this.db, s)
      .where('surveys.kind', '=', 'csat')
      .leftJoin('projects', 'projects.id', 'surveys.project_id')
      .leftJoin('accounts', 'accounts.id', 'projects.account_id')
      .select([
        'surveys.project_id',
        'projects.name',
        'projects.kind',
        'accounts.name as account_name',
        sql<Num>`count(*)`.as('responses'),
        sql<Num>`sum(surveys.score)`.as('total'),
        sql<Num>`sum(case when surveys.score <= 2 then 1 else 0 end)`.as('low'),
      ])
      .groupBy(['surveys.project_id', 'projects.name', 'projects.kind', 'accounts.name'])
      .execute();
    return rows.map((r) => ({
      projectId: r.project_id,
      name: r.name,
      workKind: r.kind,
      accountName: r.account_name,
      responses: num(r.responses),
      total: num(r.total),
      low: num(r.low),
    }));
  }

  /**
   * CSAT answers per specialist: an answer counts once for every person assigned a task of its
   * project, of its milestone when it was asked for one (those who did that part of the work).
   * Answers are summed per project and milestone first, so the join meets each assignee once per
   * group rather than once per answer and task.
   */
  async csatBySpecialist(s: ReportScope) {
    const groups = answered(this.db, s)
      .where('surveys.kind', '=', 'csat')
      .where('surveys.project_id', 'is not', null)
      .select([
        'surveys.project_id',
        'surveys.milestone_id',
        sql<Num>`count(*)`.as('n'),
        sql<Num>`sum(surveys.score)`.as('total'),
        sql<Num>`sum(case when surveys.score <= 2 then 1 else 0 end)`.as('low'),
      ])
      .groupBy(['surveys.project_id', 'surveys.milestone_id']);
    const rows = await sql<{ assignee_id: string; name: string; responses: Num; total: Num; low: Num }>`
      with a as ${groups}
      select p.assignee_id, users.name, sum(p.n) as responses, sum(p.total) as total, sum(p.low) as low
      from (
        select t.assignee_id, a.n, a.total, a.low from a
          join (select distinct tasks.project_id, tasks.assignee_id from tasks
                where tasks.assignee_id is not null and tasks.project_id in (select project_id from a)) t
            on t.project_id = a.project_id
          where a.milestone_id is null
        union all
        select t.assignee_id, a.n, a.total, a.low from a
          join (select distinct tasks.milestone_id, tasks.assignee_id from tasks
                where tasks.assignee_id is not null and tasks.milestone_id in (select milestone_id from a)) t
            on t.milestone_id = a.milestone_id
          where a.milestone_id is not null
      ) p
      join users on users.id = p.assignee_id
      group by p.assignee_id, users.name`.execute(this.db);
    return rows.rows.map((r) => ({
      userId: r.assignee_id,
      name: r.name,
      responses: num(r.responses),
      total: num(r.total),
      low: num(r.low),
    }));
  }

  /** Low answers by the kind of work of their project (`none` without one): how many, on how many accounts. */
  async lowByWorkKind(s: ReportScope) {
    const kind = sql<WorkKind | 'none'>`coalesce(projects.kind, 'none')`;
    const rows = await answered(this.db, s)
      .where(LOW_ANSWER)
      .leftJoin('projects', 'projects.id', 'surveys.project_id')
      .select([kind.as('work_kind'), sql<Num>`count(*)`.as('answers'), sql<Num>`count(distinct surveys.account_id)`.as('accounts')])
      .groupBy(sql.ref('work_kind'))
      .execute();
    return rows.map((r) => ({ workKind: r.work_kind, answers: num(r.answers), accounts: num(r.accounts) }));
  }

  /** The latest three comments of low answers for each kind of work (one windowed statement). */
  async lowComments(s: ReportScope) {
    const ranked = answered(this.db, s)
      .where(LOW_ANSWER)
      .where('surveys.comment', 'is not', null)
      .where('surveys.comment', '!=', '')
      .leftJoin('projects', 'projects.id', 'surveys.project_id')
      .select([
        sql<WorkKind | 'none'>`coalesce(projects.kind, 'none')`.as('work_kind'),
        'surveys.comment',
        sql<Num>`row_number() over (partition by coalesce(projects.kind, 'none') order by surveys.answered_at desc, surveys.id desc)`.as(
          'rank',
        ),
      ])
      .as('c');
    const rows = await this.db
      .selectFrom(ranked)
      .select(['c.work_kind', 'c.comment'])
      .where('c.rank', '<=', 3)
      .orderBy('c.work_kind')
      .orderBy('c.rank')
      .execute();
    return rows.map((r) => ({ workKind: r.work_kind, comment: r.comment ?? '' }));
  }
}
