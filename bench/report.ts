import type { Case } from './cases.js';
import type { Measurement } from './measure.js';

export interface Result {
  c: Case;
  app: Measurement;
  base: Measurement;
  check: { same: boolean; count: number; note?: string };
}

const GOAL = 0.5;
const fmt = (n: number) => n.toFixed(2);

/** Prints rows under a header, each column as wide as its widest cell. */
export function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const r of [header, ...rows])
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
}

/** app/baseline per endpoint: throughput and, steadier on a shared machine, server CPU per request. */
export function printRatios(results: Result[], dbCpu = false) {
  console.log('');
  const db = (m: Measurement) => String(Math.round(m.dbCpuPerRequest));
  table(
    [
      'endpoint',
      'app req/s',
      'base req/s',
      `ratio (goal >= ${GOAL})`,
      'cpu µs/req app',
      'base',
      'cpu ratio',
      ...(dbCpu ? ['db cpu µs/req app', 'base'] : []),
      'p99 ms app/base',
      'rows',
    ],
    results.map(({ c, app, base, check }) => {
      const ratio = app.rps / base.rps;
      const failed = app.failures + base.failures;
      const notes = [String(check.count), check.note ?? '', failed ? `${failed} failed` : '', check.same ? '' : 'rows differ'];
      return [
        c.name,
        String(Math.round(app.rps)),
        String(Math.round(base.rps)),
        `${fmt(ratio)}${ratio < GOAL ? ' below' : ''}`,
        String(Math.round(app.cpuPerRequest)),
        String(Math.round(base.cpuPerRequest)),
        fmt(base.cpuPerRequest / app.cpuPerRequest),
        ...(dbCpu ? [db(app), db(base)] : []),
        `${app.p99}/${base.p99}`,
        notes.filter(Boolean).join(' '),
      ];
    }),
  );
  console.log(
    "cpu: CPU time of the servers' process per request (app and baseline measured in alternating slices); steadier than req/s on a shared machine.",
  );
  if (dbCpu)
    console.log("db cpu: CPU time of the PostgreSQL backends serving the benchmark's database, per request (10 ms ticks, summed).");
}

const REPORT_CPU_GOAL_MS = 5;
const ms = (us: number) => (us / 1000).toFixed(2);

/** Each report's own cost: server CPU per request in ms against the goal, and the database's on PostgreSQL. */
export function printReportCpu(results: Result[], dbCpu = false) {
  const reports = results.filter((r) => r.c.check);
  if (!reports.length) return;
  console.log(`
reports: server CPU per request (goal <= ${REPORT_CPU_GOAL_MS} ms and ratio >= ${GOAL})`);
  table(
    ['report', 'app cpu ms/req', 'goal', 'base cpu ms/req', ...(dbCpu ? ['app db cpu ms/req', 'base db cpu ms/req'] : []), 'ratio'],
    reports.map(({ c, app, base }) => [
      c.name,
      ms(app.cpuPerRequest),
      app.cpuPerRequest <= REPORT_CPU_GOAL_MS * 1000 ? 'ok' : 'over',
      ms(base.cpuPerRequest),
      ...(dbCpu ? [ms(app.dbCpuPerRequest), ms(base.dbCpuPerRequest)] : []),
      fmt(app.rps / base.rps),
    ]),
  );
}

/** Deep page against first page, for pairs of results [deep, first]: about 1 when the cursor seeks. */
export function printDepth(pairs: Array<[string, Result, Result]>) {
  console.log('\ndeep page / first page (goal ≈ 1: a cursor seeks where an offset would walk)');
  table(
    ['list', 'req/s app', 'req/s base', 'cpu/req app', 'cpu/req base'],
    pairs.map(([name, deep, first]) => [
      name,
      fmt(deep.app.rps / first.app.rps),
      fmt(deep.base.rps / first.base.rps),
      fmt(deep.app.cpuPerRequest / first.app.cpuPerRequest),
      fmt(deep.base.cpuPerRequest / first.base.cpuPerRequest),
    ]),
  );
}
