import { managedProjects, portfolioQueries, receivablesQueries, workloadQueries } from './baseline-reports.js';
import { openRunner } from './runner.js';
import type { Case } from './cases.js';
import type { Seeded } from './seed.js';
import type { Location } from './target.js';

type Rows = Record<string, unknown>[];
const sum = (rows: Rows, key: string) => rows.reduce((n, r) => n + Number(r[key]), 0);

interface Portfolio {
  stages: { projects: { lateTasks: number; openTasks: number; blockedTasks: number }[] }[];
}
interface Workload {
  specialists: { userId: string; weeks: { tasks: number }[] }[];
}
interface Receivables {
  items: unknown[];
  totals: { currency: string; totalMinor: number; invoiceCount: number }[];
}

/** Projects and their late, open and blocked task counts: the same on both sides when the sums agree. */
function portfolioCheck(app: unknown, base: unknown) {
  const items = (app as Portfolio).stages.flatMap((s) => s.projects);
  const [projects, work] = base as Rows[];
  const a = [items.length, ...(['lateTasks', 'openTasks', 'blockedTasks'] as const).map((k) => items.reduce((n, i) => n + i[k], 0))].join(
    '/',
  );
  const b = [projects.length, sum(work, 'late'), sum(work, 'open'), sum(work, 'blocked')].join('/');
  return { same: a === b, count: items.length, note: a };
}

/** Specialists and the open tasks counted over the weeks. */
function workloadCheck(app: unknown, base: unknown) {
  const people = (app as Workload).specialists;
  const [specialists, load] = base as Rows[];
  const ids = new Set(specialists.map((s) => s.id));
  const a = `${people.length}/${people.reduce((n, p) => n + p.weeks.reduce((m, w) => m + w.tasks, 0), 0)}`;
  const b = `${specialists.length}/${sum(
    load.filter((r) => ids.has(r.assignee_id)),
    'tasks',
  )}`;
  return { same: a === b, count: people.length, note: a };
}

/** Rows on the page and the totals per currency (balance and invoice count). */
function receivablesCheck(app: unknown, base: unknown) {
  const r = app as Receivables;
  const rows = base as Rows;
  const page = Math.min(rows.filter((x) => x.part === 'row').length, 50);
  const a = [r.items.length, ...r.totals.map((t) => `${t.currency}:${t.totalMinor}:${t.invoiceCount}`)].join(' ');
  const b = [
    page,
    ...rows
      .filter((x) => x.part === 'total')
      .map((t) => `${String(t.currency)}:${Number(t.total)}:${Number(t.n)}`)
      .sort(),
  ].join(' ');
  return { same: a === b, count: r.items.length, note: a.split(' ').slice(1).join(' ') };
}

/** Issue 4 and 5 reports; their checks compare counts and totals, not ids. */
export async function reportCases(s: Seeded, location: Location): Promise<Case[]> {
  const manager = { authorization: `Bearer ${s.token}` };
  const finance = { authorization: `Bearer ${s.financeToken}` };
  const runner = openRunner(location);
  const projects = managedProjects(s.managerId);
  const ids = (await runner.all(projects)).map((p) => String(p.id));
  await runner.close();
  const portfolio = [projects, ...portfolioQueries(ids, s.today, !!location.databaseUrl)];
  const workload = workloadQueries(s.today);
  const receivables = (ownerId: string | null) => {
    const queries = receivablesQueries(s.today, ownerId);
    return { query: queries[0], queries };
  };
  return [
    {
      name: 'portfolio (manager, 200 projects)',
      path: '/api/v1/reports/portfolio',
      query: portfolio[1],
      queries: portfolio,
      headers: manager,
      check: portfolioCheck,
    },
    {
      name: 'workload (4 weeks)',
      path: '/api/v1/reports/workload',
      query: workload[1],
      queries: workload,
      headers: manager,
      check: workloadCheck,
    },
    {
      name: 'receivables, all accounts',
      path: '/api/v1/reports/receivables',
      ...receivables(null),
      headers: finance,
      check: receivablesCheck,
    },
    {
      name: 'receivables, one manager',
      path: `/api/v1/reports/receivables?ownerId=${s.managerId}`,
      ...receivables(s.managerId),
      headers: finance,
      check: receivablesCheck,
    },
  ];
}
