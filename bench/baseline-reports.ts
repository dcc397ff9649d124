import type { FastifyInstance } from 'fastify';
import { AGING_BUCKETS } from '../common/enums.js';
import { addDays, weekStart } from '../server/lib/dates.js';
import { bucketDueDates } from '../server/modules/billing/index.js';
import type { Query, Runner } from './runner.js';

/** The manager's projects, as the subquery portfolioReport filters tasks and milestones by. */
const MANAGED = 'select projects.id from projects inner join accounts on accounts.id = projects.account_id where accounts.owner_id = ?';

/** The three statements of portfolioReport: projects, task sums per project and role, open milestones. */
export function portfolioQueries(managerId: string, today: string): Query[] {
  return [
    {
      sql: `select projects.id, projects.name, projects.stage, projects.plan_status, projects.due_date, projects.budget_minor, projects.currency,
        accounts.id as account_id, accounts.name as account_name
        from projects inner join accounts on accounts.id = projects.account_id where accounts.owner_id = ? order by projects.name`,
      params: [managerId],
    },
    {
      sql: `select project_id, role, sum(spent_hours) as spent, sum(case when status <> 'done' and due_date < ? then 1 else 0 end) as late,
        sum(case when status = 'blocked' then 1 else 0 end) as blocked, sum(case when status <> 'done' then 1 else 0 end) as open
        from tasks where project_id in (${MANAGED}) group by project_id, role`,
      params: [today, managerId],
    },
    {
      sql: `select project_id, id, title, due_date from milestones where status != 'done' and project_id in (${MANAGED}) order by project_id, due_date`,
      params: [managerId],
    },
  ];
}

/** The two statements of workloadReport for staff: active specialists, open hours per person and due date. */
export function workloadQueries(today: string, weeks = 4): Query[] {
  const horizonEnd = addDays(weekStart(today), weeks * 7);
  return [
    {
      sql: `select id, name, specialties, capacity_hours_per_week from users where role = 'specialist' and active = 1 order by name`,
      params: [],
    },
    {
      sql: `select assignee_id, due_date, sum(case when estimate_hours > spent_hours then estimate_hours - spent_hours else 0 end) as hours, count(*) as tasks
        from tasks where status != 'done' and assignee_id is not null and (due_date is null or due_date < ?) group by assignee_id, due_date`,
      params: [horizonEnd],
    },
  ];
}

const BALANCE = 'invoices.total_minor - invoices.paid_minor - invoices.credited_minor';

/** The single statement of ReceivablesRepository.byAccount for finance (every account), first page. */
export function receivablesQuery(today: string, ownerId: string | null, limit = 50): Query {
  const params: unknown[] = [];
  const buckets = AGING_BUCKETS.map((b) => {
    const { from, until } = bucketDueDates(b, today);
    const cond = [from && 'invoices.due_date >= ?', until && 'invoices.due_date < ?'].filter(Boolean).join(' and ');
    params.push(...[from, until].filter(Boolean));
    return `coalesce(sum(case when ${cond} then ${BALANCE} else 0 end), 0) as "${b}"`;
  });
  const owner = ownerId ? ' and invoices.account_id in (select accounts.id from accounts where accounts.owner_id = ?)' : '';
  if (ownerId) params.push(ownerId);
  const cols = [...AGING_BUCKETS, 'total', 'n'];
  return {
    sql: `with g as (select invoices.account_id, invoices.currency, ${buckets.join(', ')}, coalesce(sum(${BALANCE}), 0) as total, count(*) as n
        from invoices where invoices.kind = 'invoice' and invoices.status in ('issued', 'partially_paid')${owner} group by invoices.account_id, invoices.currency)
      select * from (
        select 'row' as part, g.account_id as key, accounts.name as name, accounts.owner_id as owner_id, g.currency as currency,
          g.account_id || '|' || g.currency as gkey, ${cols.map((c) => `g."${c}"`).join(', ')}
        from g inner join accounts on accounts.id = g.account_id order by accounts.name, g.account_id || '|' || g.currency limit ?
      ) as page
      union all
      select 'total', null, null, null, g.currency, null, ${cols.map((c) => `sum(g."${c}") as "${c}"`).join(', ')} from g group by g.currency`,
    params: [...params, limit + 1],
  };
}

/** Bare routes for the reports: each runs its statements in turn and returns the rows as JSON. */
export function addReportBaselines(app: FastifyInstance, runner: Runner, managerId: string, today: string) {
  const all = async (qs: Query[]) => {
    const out: Record<string, unknown>[][] = [];
    for (const q of qs) out.push(await runner.all(q));
    return out;
  };
  app.get('/api/v1/reports/portfolio', () => all(portfolioQueries(managerId, today)));
  app.get('/api/v1/reports/workload', () => all(workloadQueries(today)));
  app.get<{ Querystring: { ownerId?: string } }>('/api/v1/reports/receivables', async (req) =>
    runner.all(receivablesQuery(today, req.query.ownerId ?? null)),
  );
}
