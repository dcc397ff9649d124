/**
 * The sales report (`GET /api/v1/reports/pipeline`) over the benchmark's deals, against a bare
 * server running the report's four GROUP BY statements for the same manager and period.
 */
import type { FastifyInstance } from 'fastify';
import { DEAL_OPEN_STAGES } from '../common/enums.js';
import { addDays } from '../server/lib/dates.js';
import { startOfLocalDay } from '../server/lib/timezone.js';
import { DEFAULT_TIME_ZONE } from '../server/modules/settings/index.js';
import type { Case } from './cases.js';
import type { Query, Runner } from './runner.js';
import type { Seeded } from './seed.js';

const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 7);
};

/** The report's default period (six months back to five ahead) as the app computes it, in the default time zone. */
function defaultPeriod(today: string) {
  const thisMonth = today.slice(0, 7);
  const from = `${addMonths(thisMonth, -6)}-01`;
  const to = addDays(`${addMonths(thisMonth, 6)}-01`, -1);
  const closed = [startOfLocalDay(from, DEFAULT_TIME_ZONE).toISOString(), startOfLocalDay(addDays(to, 1), DEFAULT_TIME_ZONE).toISOString()];
  return { monthStart: `${thisMonth}-01`, to, closed };
}

/**
 * The report's statements for the manager's deals (the accounts they own or back up), by hand:
 * the open deals' forecast by currency, close month and stage; closed deals by owner; the cycle
 * from each deal's first move; lost deals by reason and currency.
 */
export function pipelineQueries(managerId: string, today: string, postgres: boolean): Query[] {
  const { monthStart, to, closed } = defaultPeriod(today);
  const scope = 'deals.account_id in (select accounts.id from accounts where accounts.owner_id = ? or accounts.backup_owner_id = ?)';
  const open = DEAL_OPEN_STAGES.map((s) => `'${s}'`).join(', ');
  const inWindow = "deals.closed_at >= ? and deals.closed_at < ? and deals.stage in ('won', 'lost')";
  const month = postgres ? "to_char(deals.expected_close_date, 'YYYY-MM')" : 'substr(deals.expected_close_date, 1, 7)';
  const opened = 'coalesce((select min(c.at) from deal_stage_changes as c where c.deal_id = deals.id), deals.created_at)';
  const days = postgres ? `extract(epoch from (deals.closed_at - ${opened})) / 86400` : `julianday(deals.closed_at) - julianday(${opened})`;
  return [
    {
      sql: `select deals.currency, deals.stage, case when deals.expected_close_date < ? then 'overdue' else ${month} end as bucket,
          count(*) as deals, sum(deals.amount) as amount, sum((deals.amount * deals.probability + 50) / 100) as weighted
        from deals where ${scope} and deals.stage in (${open})
          and (deals.expected_close_date < ? or (deals.expected_close_date >= ? and deals.expected_close_date <= ?))
        group by deals.currency, bucket, deals.stage`,
      params: [monthStart, managerId, managerId, monthStart, monthStart, to],
    },
    {
      sql: `select deals.owner_id, users.name, deals.stage, count(*) as deals from deals left join users on users.id = deals.owner_id
        where ${scope} and ${inWindow} group by deals.owner_id, users.name, deals.stage`,
      params: [managerId, managerId, ...closed],
    },
    {
      sql: `select deals.stage, count(*) as deals, avg(${days}) as days from deals where ${scope} and ${inWindow} group by deals.stage`,
      params: [managerId, managerId, ...closed],
    },
    {
      sql: `select deals.lost_reason, deals.currency, count(*) as deals, sum(deals.amount) as amount from deals
        where ${scope} and deals.closed_at >= ? and deals.closed_at < ? and deals.stage = 'lost' group by deals.lost_reason, deals.currency`,
      params: [managerId, managerId, ...closed],
    },
  ];
}

/** The bare report: its statements in turn, their rows as JSON. */
export function addPipelineBaseline(app: FastifyInstance, runner: Runner, managerId: string, today: string, postgres: boolean) {
  app.get('/api/v1/reports/pipeline', async () => {
    const out: Record<string, unknown>[][] = [];
    for (const q of pipelineQueries(managerId, today, postgres)) out.push(await runner.all(q));
    return out;
  });
}

interface PipelineAnswer {
  forecast: { currency: string; total: { deals: number; weightedMinor: number } }[];
  winRate: { won: number; lost: number };
}

/** Open deals and weighted amount per currency, and deals won and lost: the same on both sides when these agree. */
function pipelineCheck(app: unknown, base: unknown) {
  const r = app as PipelineAnswer;
  const [forecast, owners] = base as Record<string, unknown>[][];
  const a = [
    ...r.forecast.map((f) => `${f.currency}:${f.total.deals}:${f.total.weightedMinor}`),
    `won ${r.winRate.won}`,
    `lost ${r.winRate.lost}`,
  ].join(' ');
  const perCurrency = new Map<string, [number, number]>();
  for (const row of forecast) {
    const [deals, weighted] = perCurrency.get(String(row.currency)) ?? [0, 0];
    perCurrency.set(String(row.currency), [deals + Number(row.deals), weighted + Number(row.weighted)]);
  }
  const closed = (stage: string) => owners.filter((o) => o.stage === stage).reduce((n, o) => n + Number(o.deals), 0);
  const b = [
    ...[...perCurrency.entries()].sort(([x], [y]) => x.localeCompare(y)).map(([c, [d, w]]) => `${c}:${d}:${w}`),
    `won ${closed('won')}`,
    `lost ${closed('lost')}`,
  ].join(' ');
  return { same: a === b, count: r.forecast.reduce((n, f) => n + f.total.deals, 0), note: a };
}

/** The manager's sales report for the default period. */
export function pipelineCase(s: Seeded, postgres: boolean): Case {
  const queries = pipelineQueries(s.managerId, s.today, postgres);
  return {
    name: 'sales report (manager, default period)',
    path: '/api/v1/reports/pipeline',
    query: queries[0],
    queries,
    check: pipelineCheck,
  };
}
