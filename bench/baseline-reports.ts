import type { FastifyInstance } from 'fastify';
import { AGING_BUCKETS } from '../common/enums.js';
import { addDays, weekStart } from '../server/lib/dates.js';
import { bucketDueDates } from '../server/modules/billing/index.js';
import type { Query, Runner } from './runner.js';

/** The manager's projects: the first statement of portfolioReport; the others take their ids. */
export const managedProjects = (managerId: string): Query => ({
  sql: `select projects.id, projects.name, projects.stage, projects.plan_status, projects.due_date, projects.budget_minor, projects.currency,
    accounts.id as account_id, accounts.name as account_name
    from projects inner join accounts on accounts.id = projects.account_id where accounts.owner_id = ? order by projects.name`,
  params: [managerId],
});

/**
 * The other two statements of portfolioReport for these projects (their ids bound as one
 * parameter): task totals per project with hours per role packed as JSON and the late open
 * tasks, then each project's next open milestone.
 */
export function portfolioQueries(ids: string[], today: string, postgres: boolean): Query[] {
  const projects = (column: string) =>
    postgres ? `${column} in (select unnest(?::text[]))` : `${column} in (select value from json_each(?))`;
  const idsParam = postgres ? ids : JSON.stringify(ids);
  const spent = postgres ? 'json_agg(json_build_array(t.role, t.spent_micro))' : 'json_group_array(json_array(t.role, t.spent_micro))';
  return [
    {
      sql: `select t.project_id, sum(t.open_count) as open, sum(t.blocked_count) as blocked, ${spent} as spent,
          (select count(*) from tasks where tasks.status <> 'done' and tasks.due_date < ? and tasks.project_id = t.project_id) as late
        from project_task_totals as t where ${projects('t.project_id')} group by t.project_id`,
      params: [today, idsParam],
    },
    {
      sql: `select project_id, id, title, due_date from (select project_id, id, title, due_date,
          row_number() over (partition by project_id order by due_date, id) as position from milestones where status != 'done' and ${projects('project_id')}) as open
        where position = 1`,
      params: [idsParam],
    },
  ];
}

/** The two statements of workloadReport for staff: active specialists, open work per person and due date. */
export function workloadQueries(today: string, weeks = 4): Query[] {
  const horizonEnd = addDays(weekStart(today), weeks * 7);
  return [
    {
      sql: `select id, name, specialties, capacity_hours_per_week from users where role = 'specialist' and active = 1 order by name`,
      params: [],
    },
    {
      sql: `select assignee_id, due_date, remaining_micro, row_count as tasks from open_task_totals where due_date is null or due_date < ?`,
      params: [horizonEnd],
    },
  ];
}

export const BALANCE = 'invoices.total_minor - invoices.paid_minor - invoices.credited_minor';
export const OPEN = `invoices.kind = 'invoice' and invoices.status in ('issued', 'partially_paid')`;

/** SUM(amount) per aging bucket over rows with a due date, as select columns, and their parameters. */
function buckets(today: string, dueDate: string, amount: string) {
  const params: unknown[] = [];
  const columns = AGING_BUCKETS.map((b) => {
    const { from, until } = bucketDueDates(b, today);
    const cond = [from && `${dueDate} >= ?`, until && `${dueDate} < ?`].filter(Boolean).join(' and ');
    params.push(...[from, until].filter(Boolean));
    return `coalesce(sum(case when ${cond} then ${amount} else 0 end), 0) as "${b}"`;
  });
  return { columns: columns.join(', '), params };
}

/**
 * The two statements of ReceivablesRepository.byAccount for finance, first page: accounts by
 * name with open invoices and their sums, then the totals per currency (from the receivable
 * totals for every account, from the owner's open invoices for one owner). The page sizes are
 * written into the SQL, as the app writes them (SQLite plans a literal LIMIT better).
 */
export function receivablesQueries(today: string, ownerId: string | null, limit = 50): Query[] {
  const owner = ownerId ? ' and accounts.owner_id = ?' : '';
  const page = buckets(today, 'invoices.due_date', BALANCE);
  const rows: Query = {
    sql: `with k as (select accounts.id, accounts.name, accounts.owner_id from accounts
        where exists (select 1 from invoices where invoices.account_id = accounts.id and ${OPEN})${owner}
        order by accounts.name, accounts.id || '|' limit ${limit + 2})
      select 'row' as part, k.id as key, k.name as name, k.owner_id as owner_id, invoices.currency as currency,
        k.id || '|' || invoices.currency as gkey, ${page.columns}, coalesce(sum(${BALANCE}), 0) as total, count(*) as n
      from k inner join invoices on invoices.account_id = k.id where ${OPEN}
      group by k.id, k.name, k.owner_id, invoices.currency order by k.name, k.id || '|' || invoices.currency limit ${limit + 1}`,
    params: [...(ownerId ? [ownerId] : []), ...page.params],
  };
  if (!ownerId) {
    const t = buckets(today, 'due_date', 'balance_minor');
    return [
      rows,
      {
        sql: `select 'total' as part, currency, ${t.columns}, coalesce(sum(balance_minor), 0) as total, coalesce(sum(row_count), 0) as n
          from receivable_totals group by currency`,
        params: t.params,
      },
    ];
  }
  const t = buckets(today, 'invoices.due_date', BALANCE);
  return [
    rows,
    {
      sql: `select 'total' as part, invoices.currency, ${t.columns}, coalesce(sum(${BALANCE}), 0) as total, count(*) as n
        from invoices where ${OPEN} and invoices.account_id in (select accounts.id from accounts where accounts.owner_id = ?) group by invoices.currency`,
      params: [...t.params, ownerId],
    },
  ];
}

/** Bare routes for the reports: each runs its statements in turn and returns the rows as JSON. */
export function addReportBaselines(app: FastifyInstance, runner: Runner, managerId: string, today: string, postgres: boolean) {
  const all = async (qs: Query[]) => {
    const out: Record<string, unknown>[][] = [];
    for (const q of qs) out.push(await runner.all(q));
    return out;
  };
  app.get('/api/v1/reports/portfolio', async () => {
    const projects = await runner.all(managedProjects(managerId));
    return [
      projects,
      ...(await all(
        portfolioQueries(
          projects.map((p) => String(p.id)),
          today,
          postgres,
        ),
      )),
    ];
  });
  app.get('/api/v1/reports/workload', () => all(workloadQueries(today)));
  app.get<{ Querystring: { ownerId?: string } }>('/api/v1/reports/receivables', async (req) =>
    (await all(receivablesQueries(today, req.query.ownerId ?? null))).flat(),
  );
}
